using Microsoft.Extensions.Options;
using System.Globalization;
using CiteGraph.GraphQL.Errors;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;

namespace CiteGraph.GraphQL.Execution;

/// <summary>
/// Refuses a document whose operation selects more fields than <see cref="GraphQLLimitsOptions.MaxSelections"/> once
/// its fragments are expanded, before validation runs: validation rules expand fragments and compare fields pairwise, so
/// a 1 KB document of fragments that spread each other twice, or 50,000 repetitions of one field, would otherwise hold a
/// core for minutes before the complexity rule ever sees it. The document is parsed here (and handed on, so it is not
/// parsed twice); documents from the cache passed this check when they were first cached.
/// </summary>
internal sealed class SelectionBudget(IOptions<GraphQLLimitsOptions> limits, IDocumentBuilder documents) : IConfigureExecution
{
    /// <summary>After the document cache (200), which hands cached documents on with <see cref="ExecutionOptions.Document"/> set.</summary>
    public float SortOrder => 300;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } query)
        {
            try
            {
                options.Document = documents.Build(query);
            }
            catch (Exception ex) when (ex is GraphQLParser.Exceptions.GraphQLParserException or GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
            {
                // The executer parses again and reports the syntax error in its usual form.
                return next(options);
            }

            var selections = ExpandedSelections.Count(options.Document, options.OperationName);
            if (selections > limits.Value.MaxSelections)
            {
                return Task.FromResult(new ExecutionResult
                {
                    Errors =
                    [
                        new ExecutionError(string.Format(
                            CultureInfo.InvariantCulture,
                            "Query complexity is too high: it selects {0} fields once its fragments are expanded; at most {1:N0} are allowed.",
                            selections >= 1_000_000_000 ? "more than 1,000,000,000" : selections.ToString("N0", CultureInfo.InvariantCulture),
                            limits.Value.MaxSelections))
                        {
                            Code = ErrorCodes.Complexity,
                        },
                    ],
                });
            }
        }

        return next(options);
    }
}
