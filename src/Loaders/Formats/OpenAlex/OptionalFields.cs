namespace CiteGraph.Loaders.Formats.OpenAlex;

/// <summary>Fields of a work that most works lack (see <see cref="OpenAlexFields.Present"/>).</summary>
[Flags]
internal enum OptionalFields
{
    None = 0,
    Ids = 1,
    BestOaLocation = 2,
    Locations = 4,
    Keywords = 8,
    Topics = 16,
    Concepts = 32,
    All = Ids | BestOaLocation | Locations | Keywords | Topics | Concepts,
}
