namespace CiteGraph.Analytics.Bench;

/// <summary>"u v" integer edge lists with dense ids (node count = max id + 1): a streaming parser and a writer.</summary>
internal static class EdgeListFile
{
    /// <summary>Writes the arcs as "u v" lines (dense ids), the format <see cref="Read"/> and the Python peers read.</summary>
    public static void Write(string path, int[] sources, int[] targets)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        for (int e = 0; e < sources.Length; e++)
        {
            writer.Write(sources[e].ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.Write(targets[e].ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    public static (int NodeCount, int[] Sources, int[] Targets) Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        int capacity = (int)Math.Max(16, stream.Length / 10);
        var sources = new int[capacity];
        var targets = new int[capacity];
        var buffer = new byte[1 << 20];
        int edges = 0, max = -1, value = 0, field = 0;
        bool inNumber = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < read; i++)
            {
                byte b = buffer[i];
                if (b is >= (byte)'0' and <= (byte)'9')
                {
                    value = (value * 10) + (b - '0');
                    inNumber = true;
                    continue;
                }

                if (inNumber)
                {
                    Store(ref sources, ref targets, ref edges, ref field, ref max, value);
                    value = 0;
                    inNumber = false;
                }

                if (b == '\n')
                {
                    field = 0;
                }
            }
        }

        if (inNumber)
        {
            Store(ref sources, ref targets, ref edges, ref field, ref max, value);
        }

        Array.Resize(ref sources, edges);
        Array.Resize(ref targets, edges);
        return (max + 1, sources, targets);
    }

    private static void Store(ref int[] sources, ref int[] targets, ref int edges, ref int field, ref int max, int value)
    {
        max = Math.Max(max, value);
        if (field == 0)
        {
            if (edges == sources.Length)
            {
                Array.Resize(ref sources, edges * 2);
                Array.Resize(ref targets, edges * 2);
            }

            sources[edges] = value;
            field = 1;
        }
        else if (field == 1)
        {
            targets[edges++] = value;
            field = 2;
        }
    }
}
