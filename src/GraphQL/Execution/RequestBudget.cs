using Microsoft.Extensions.Options;
using System.Globalization;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CiteGraph.GraphQL.Execution;

/// <summary>
/// One time budget per request, from the moment execution starts: parsing, validation (fragment expansion, overlapping
/// fields, complexity) and execution all see a token cancelled at <see cref="GraphQLLimitsOptions.Timeout"/>. The answer
/// never waits past the deadline: a stage that does not look at its token is left to finish on its own (the selection
/// budget bounds how long any can take) while the client gets <c>TIMEOUT</c>. When the host begins to stop, queries are
/// cancelled at once, so shutdown never waits on them; a mutation already under way is left to finish (within its
/// budget), so that what it writes is not cut in half.
/// </summary>
internal sealed class RequestBudget(IOptions<GraphQLLimitsOptions> limits) : IConfigureExecution
{
    /// <summary>First: every other stage runs inside the budget.</summary>
    public float SortOrder => 0;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var caller = options.CancellationToken;
        var stopping = options.RequestServices?.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(caller);
        budget.CancelAfter(limits.Value.Timeout);
        using var onStop = stopping.Register(() =>
        {
            if (!IsMutation(options))
            {
                budget.Cancel();
            }
        });
        options.CancellationToken = budget.Token;
        try
        {
            // Run the pipeline off this thread so that a stage which never yields cannot hold the answer past the deadline.
            var run = Task.Run(() => next(options), budget.Token);
            return await run.WaitAsync(budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !caller.IsCancellationRequested)
        {
            var why = stopping.IsCancellationRequested
                ? "The server is shutting down; the request was cancelled."
                : string.Create(CultureInfo.InvariantCulture, $"The request did not finish within its budget of {limits.Value.Timeout.TotalSeconds:0.###} s and was cancelled.");
            return new ExecutionResult
            {
                Errors = [new ExecutionError(why) { Code = ErrorCodes.Timeout }],
            };
        }
    }

    /// <summary>Whether the operation to run is a mutation (a document not parsed yet is parsed here to tell).</summary>
    private static bool IsMutation(ExecutionOptions options)
    {
        var document = options.Document;
        if (document is null && options.Query is { } query)
        {
            try
            {
                document = GraphQLParser.Parser.Parse(query);
            }
            catch (Exception ex) when (ex is GraphQLParser.Exceptions.GraphQLParserException or GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
            {
                return false;
            }
        }

        return document?.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => options.OperationName is null || o.Name?.StringValue == options.OperationName)
            ?.Operation == OperationType.Mutation;
    }
}
