using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CiteGraph.GraphQL.Execution;

/// <summary>
/// Remembers parsed documents that passed validation, keyed by query text: clients send the same few queries with
/// different variables, so parsing and validating once per query text saves that work on every later request. On a hit
/// only the request-dependent rules run (<see cref="ExecutionOptions.CachedDocumentValidationRules"/>); variables are
/// still coerced and checked.
/// </summary>
internal sealed class DocumentCache : IConfigureExecution
{
    /// <summary>Distinct query texts kept; past it, new texts are simply not cached (no eviction churn under attack).</summary>
    public const int Capacity = 2_000;

    /// <summary>Longest query text cached.</summary>
    public const int MaxQueryLength = 20_000;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>After the options configured at registration (complexity limits, timeout) are in place.</summary>
    public float SortOrder => 200;

    public int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } query && _documents.TryGetValue(query, out var document))
        {
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);
        if (result.Executed && result.Document is { } parsed && options.Query is { Length: <= MaxQueryLength } text && _documents.Count < Capacity)
        {
            _documents.TryAdd(text, parsed);
        }

        return result;
    }
}
