using CiteGraph.GraphQL.Errors;
using FluentValidation;

namespace CiteGraph.GraphQL.Validation;

/// <summary>Runs a validator and turns the first failure into an INVALID_ARGUMENT GraphQL error.</summary>
internal static class ArgumentValidation
{
    public static readonly LineageArgumentsValidator Lineage = new();
    public static readonly ConnectArgumentsValidator Connect = new();
    public static readonly RelatedArgumentsValidator Related = new();
    public static readonly RelatedSeedsArgumentsValidator RelatedSeeds = new();
    public static readonly SubgraphArgumentsValidator Subgraph = new();

    public static T Check<T>(this IValidator<T> validator, T arguments)
    {
        var result = validator.Validate(arguments);
        if (!result.IsValid)
        {
            var failure = result.Errors[0];
            throw new InvalidArgumentError(failure.PropertyName, failure.ErrorMessage.TrimEnd('.') + ".");
        }

        return arguments;
    }
}
