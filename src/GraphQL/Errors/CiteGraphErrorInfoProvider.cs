using global::GraphQL;
using global::GraphQL.Execution;

namespace CiteGraph.GraphQL.Errors;

/// <summary>
/// GraphQL.NET's error shape with CiteGraph's codes for failures no resolver expected (<see cref="UnhandledErrors"/>):
/// <c>STORE_UNAVAILABLE</c> with <c>retryAfterSeconds</c>, or <c>INTERNAL</c>, each with a fixed message;
/// <c>NOT_SUPPORTED_BY_STORE</c> with the store's own message (written for clients: what it cannot answer yet); every other
/// error (arguments, not found, limits) keeps its own code and message.
/// </summary>
public sealed class CiteGraphErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false })
{
    /// <inheritdoc />
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        if (UnhandledErrors.IsStoreUnavailable(executionError))
        {
            return new ErrorInfo
            {
                Message = UnhandledErrors.UnavailableMessage,
                Extensions = new Dictionary<string, object?>
                {
                    ["code"] = ErrorCodes.StoreUnavailable,
                    ["codes"] = new[] { ErrorCodes.StoreUnavailable },
                    ["retryAfterSeconds"] = UnhandledErrors.RetryAfterSeconds,
                },
            };
        }

        if (UnhandledErrors.IsNotSupportedByStore(executionError))
        {
            return new ErrorInfo
            {
                Message = executionError.InnerException!.Message,
                Extensions = new Dictionary<string, object?>
                {
                    ["code"] = ErrorCodes.NotSupportedByStore,
                    ["codes"] = new[] { ErrorCodes.NotSupportedByStore },
                },
            };
        }

        if (UnhandledErrors.IsInternal(executionError))
        {
            return new ErrorInfo
            {
                Message = UnhandledErrors.InternalMessage,
                Extensions = new Dictionary<string, object?>
                {
                    ["code"] = ErrorCodes.Internal,
                    ["codes"] = new[] { ErrorCodes.Internal },
                },
            };
        }

        return base.GetInfo(executionError);
    }
}
