using CiteGraph.GraphQL.Suggestions;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Types;

/// <summary>Spelling corrections and nearest topics for a text that found nothing.</summary>
public sealed class DidYouMeanType : ObjectGraphType<DidYouMean>
{
    public DidYouMeanType()
    {
        Name = "DidYouMean";
        Description = "What a search or topic name probably meant: spelling corrected from the corpus's own vocabulary, and the nearest topics.";
        Field(d => d.Text).Description("The text asked about.");
        Field(d => d.Corrected, nullable: true)
            .Description("The text with each word the corpus does not know replaced by the nearest word it knows; null when every word is known or nothing is near.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SpellingCorrectionType>>>>("corrections")
            .Description("Each replaced word and its replacement.").Resolve(ctx => ctx.Source.Corrections);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopicType>>>>("topics")
            .Description("Topics whose name or an alias is nearest to the text or its corrected form, nearest first.").Resolve(ctx => ctx.Source.Topics);
    }
}

/// <summary>One corrected word.</summary>
public sealed class SpellingCorrectionType : ObjectGraphType<SpellingCorrection>
{
    public SpellingCorrectionType()
    {
        Name = "SpellingCorrection";
        Description = "A word of the text and the corpus word it was probably meant to be.";
        Field(c => c.Word).Description("The word as given (lower-cased).");
        Field(c => c.Suggestion).Description("The nearest word the corpus uses.");
    }
}
