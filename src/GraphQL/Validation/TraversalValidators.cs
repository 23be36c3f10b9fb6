using FluentValidation;

namespace CiteGraph.GraphQL.Validation;

/// <summary>Bounds that keep every traversal's work small whatever the graph's size.</summary>
public static class TraversalLimits
{
    public const int MaxDepth = 6;
    public const int MaxLineageNodes = 500;

    /// <summary>How far into a lineage pages may reach (<c>after</c> + <c>first</c>): each page re-walks the lineage up to its end.</summary>
    public const int MaxLineagePosition = 50_000;
    public const int MaxPathLength = 6;
    public const int MaxPaths = 10;
    public const int MaxRelated = 100;

    /// <summary>Seeds of <c>related</c>, positive and negative each: every seed computes its own related list.</summary>
    public const int MaxRelatedSeeds = 10;
    public const int MaxSeeds = 50;
    public const int MaxRadius = 3;
    public const int MaxSubgraphNodes = 1000;
    public const int MaxSubgraphEdges = 5000;
    public const int MaxIdLength = 512;
}

internal sealed class LineageArgumentsValidator : AbstractValidator<LineageArguments>
{
    public LineageArgumentsValidator()
    {
        RuleFor(a => a.PaperId).NotEmpty().MaximumLength(TraversalLimits.MaxIdLength).OverridePropertyName("paperId");
        RuleFor(a => a.MaxDepth).InclusiveBetween(1, TraversalLimits.MaxDepth).OverridePropertyName("maxDepth");
        RuleFor(a => a.MinConfidence).InclusiveBetween(0, 1).OverridePropertyName("minConfidence");
        RuleFor(a => a.First).InclusiveBetween(1, TraversalLimits.MaxLineageNodes).OverridePropertyName("first");
    }
}

internal sealed class ConnectArgumentsValidator : AbstractValidator<ConnectArguments>
{
    public ConnectArgumentsValidator()
    {
        RuleFor(a => a.From).NotEmpty().MaximumLength(TraversalLimits.MaxIdLength).OverridePropertyName("from");
        RuleFor(a => a.To).NotEmpty().MaximumLength(TraversalLimits.MaxIdLength).OverridePropertyName("to");
        RuleFor(a => a.MaxLength).InclusiveBetween(1, TraversalLimits.MaxPathLength).OverridePropertyName("maxLength");
        RuleFor(a => a.First).InclusiveBetween(1, TraversalLimits.MaxPaths).OverridePropertyName("first");
    }
}

internal sealed class RelatedArgumentsValidator : AbstractValidator<RelatedArguments>
{
    public RelatedArgumentsValidator()
    {
        RuleFor(a => a.PaperId).NotEmpty().MaximumLength(TraversalLimits.MaxIdLength).OverridePropertyName("paperId");
        RuleFor(a => a.First).InclusiveBetween(1, TraversalLimits.MaxRelated).OverridePropertyName("first");
    }
}

internal sealed class RelatedSeedsArgumentsValidator : AbstractValidator<RelatedSeedsArguments>
{
    public RelatedSeedsArgumentsValidator()
    {
        RuleFor(a => a).Must(a => (a.PaperId is null) != (a.PaperIds is null))
            .WithMessage("give exactly one of paperId (one paper) and paperIds (several).").OverridePropertyName("paperIds");
        RuleFor(a => a.PaperId!).NotEmpty().MaximumLength(TraversalLimits.MaxIdLength).OverridePropertyName("paperId").When(a => a.PaperId is not null);
        RuleFor(a => a.PaperIds!).NotEmpty().WithMessage("needs at least one paper id.")
            .Must(s => s.Count <= TraversalLimits.MaxRelatedSeeds).WithMessage($"at most {TraversalLimits.MaxRelatedSeeds} papers.")
            .OverridePropertyName("paperIds").When(a => a.PaperIds is not null);
        RuleForEach(a => a.PaperIds).NotEmpty().MaximumLength(TraversalLimits.MaxIdLength).OverridePropertyName("paperIds").When(a => a.PaperIds is not null);
        RuleFor(a => a.Negative!).Must(s => s.Count <= TraversalLimits.MaxRelatedSeeds)
            .WithMessage($"at most {TraversalLimits.MaxRelatedSeeds} papers.").OverridePropertyName("negative").When(a => a.Negative is not null);
        RuleForEach(a => a.Negative).NotEmpty().MaximumLength(TraversalLimits.MaxIdLength).OverridePropertyName("negative").When(a => a.Negative is not null);
        RuleFor(a => a.First).InclusiveBetween(1, TraversalLimits.MaxRelated).OverridePropertyName("first");
    }
}

internal sealed class SubgraphArgumentsValidator : AbstractValidator<SubgraphArguments>
{
    public SubgraphArgumentsValidator()
    {
        RuleFor(a => a.Seeds).NotEmpty().Must(s => s.Count <= TraversalLimits.MaxSeeds)
            .WithMessage($"at most {TraversalLimits.MaxSeeds} seeds.").OverridePropertyName("seeds");
        RuleForEach(a => a.Seeds).NotEmpty().MaximumLength(TraversalLimits.MaxIdLength).OverridePropertyName("seeds");
        RuleFor(a => a.Radius).InclusiveBetween(0, TraversalLimits.MaxRadius).OverridePropertyName("radius");
        RuleFor(a => a.MaxNodes).InclusiveBetween(1, TraversalLimits.MaxSubgraphNodes).OverridePropertyName("maxNodes");
    }
}
