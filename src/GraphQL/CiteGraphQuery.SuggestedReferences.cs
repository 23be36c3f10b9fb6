using CiteGraph.Graph.Snapshot;
using CiteGraph.Graph.Storage;
using CiteGraph.Graph.Suggest;
using CiteGraph.GraphQL.Types;
using CiteGraph.GraphQL.Validation;
using CiteGraph.GraphQL.Views;
using GraphQL;
using GraphQL.Types;

namespace CiteGraph.GraphQL;

public sealed partial class CiteGraphQuery
{
    /// <summary>suggestedReferences: the same engine <c>citegraph suggest</c> and <c>eval-suggest</c> run.</summary>
    private void AddSuggestedReferenceFields(IGraphStore store, SnapshotHolder snapshots, SuggestionService suggestions)
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedPaperType>>>>("suggestedReferences")
            .Description("Earlier papers (or of the same month) this paper most likely builds on, best first: scored by key terms, " +
                "semantic similarity, shared topics, citations by its most similar papers, popularity, co-citation and coupling " +
                "(weights fitted on held-out papers), each with the reasons behind its score.")
            .Argument<NonNullGraphType<IdGraphType>>("paperId")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .ResolveAsync(async ctx =>
            {
                var args = ArgumentValidation.Related.Check(new RelatedArguments(ctx.GetArgument<string>("paperId"), ctx.GetArgument<int>("first")));
                var corpus = await suggestions.CorpusAsync(ctx.CancellationToken);
                var snapshot = corpus.Snapshot;
                var (paper, _) = await SnapshotPapers.ResolveAsync(store, snapshot, "paperId", args.PaperId, ctx.CancellationToken);
                var suggested = suggestions.Suggest(corpus, paper, args.First);
                var papers = await SnapshotPapers.LoadAsync(store, snapshot, suggested.Select(s => s.Paper), ctx.CancellationToken);
                return suggested.Where(s => papers.ContainsKey(s.Paper)).Select(s => new RelatedPaperView(papers[s.Paper], s.Score, s.Reasons)).ToList();
            });
    }
}
