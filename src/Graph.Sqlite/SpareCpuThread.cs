using System.Runtime.InteropServices;

namespace CiteGraph.Graph.Sqlite;

/// <summary>
/// Lowers the calling thread to the least CPU priority (nice 19), so work it does takes only the cycles the threads at
/// normal priority leave over. .NET's <see cref="Thread.Priority"/> does nothing on Linux; there the nice value is a
/// per-thread attribute, set for the calling thread by <c>setpriority(PRIO_PROCESS, 0, …)</c>.
/// </summary>
internal static class SpareCpuThread
{
    private const int PrioProcess = 0;
    private const int LeastPriority = 19;

    /// <summary>Lowers the calling thread where the system allows it; elsewhere it stays as it is.</summary>
    public static void LowerCurrent()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // Failing (a sandbox forbidding it) only leaves the thread at normal priority.
            _ = setpriority(PrioProcess, 0, LeastPriority);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without it: the same.
        }
    }

    [DllImport("libc", ExactSpelling = true)]
    private static extern int setpriority(int which, int who, int priority);
}
