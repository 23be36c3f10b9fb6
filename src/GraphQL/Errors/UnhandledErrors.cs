using CiteGraph.Graph.Storage;
using global::GraphQL;
using global::GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiteGraph.GraphQL.Errors;

/// <summary>
/// What a client learns of a failure no resolver expected: a store that is busy, locked or unreachable (a transient
/// <see cref="GraphStoreException"/>) is <see cref="ErrorCodes.StoreUnavailable"/> with a retry hint; anything else is
/// <see cref="ErrorCodes.Internal"/> with a generic message. Exception messages (file paths, SQL, stack traces) never
/// reach the client; they go to the server log.
/// </summary>
public static partial class UnhandledErrors
{
    /// <summary>Seconds a client is asked to wait before retrying a request the store could not serve.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The message of <see cref="ErrorCodes.StoreUnavailable"/>.</summary>
    public const string UnavailableMessage = "The graph store is busy or cannot be reached right now; try again shortly.";

    /// <summary>The message of <see cref="ErrorCodes.Internal"/>.</summary>
    public const string InternalMessage = "The server failed to answer this field; the details are in its log.";

    /// <summary>True when <paramref name="error"/> is a store failure that retrying may cure.</summary>
    public static bool IsStoreUnavailable(ExecutionError error) =>
        error is UnhandledError { InnerException: GraphStoreException { IsTransient: true } };

    /// <summary>True when <paramref name="error"/> is a question the store cannot answer yet (its message is for the client).</summary>
    public static bool IsNotSupportedByStore(ExecutionError error) =>
        error is UnhandledError { InnerException: StoreCannotAnswerException };

    /// <summary>True when <paramref name="error"/> is an unexpected failure (not a cancellation, which the request budget answers).</summary>
    public static bool IsInternal(ExecutionError error) =>
        error is UnhandledError { InnerException: not null and not OperationCanceledException } && !IsStoreUnavailable(error) && !IsNotSupportedByStore(error);

    /// <summary>The unhandled-exception handler: logs the failure, with its exception, where operators look.</summary>
    public static Task LogAsync(UnhandledExceptionContext context, ExecutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(UnhandledErrors)) is { } logger)
        {
            var field = context.FieldContext?.Path is { } path ? string.Join('.', path) : "(document)";
            if (context.OriginalException is GraphStoreException { IsTransient: true } unavailable)
            {
                LogUnavailable(logger, field, unavailable.Message);
            }
            else if (context.OriginalException is not OperationCanceledException and not StoreCannotAnswerException)
            {
                LogInternal(logger, context.OriginalException, field);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Warning, "GraphQL field {Field} answered STORE_UNAVAILABLE: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string field, string reason);

    [LoggerMessage(2, LogLevel.Error, "GraphQL field {Field} failed unexpectedly (answered INTERNAL)")]
    private static partial void LogInternal(ILogger logger, Exception exception, string field);
}
