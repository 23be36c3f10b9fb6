using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Formats.Acl;

/// <summary>ACL Anthology Network metadata: recognised by a first line opening a block (<c>id = {D10-1001}</c>).</summary>
internal sealed class AclMetadataFormat : IInputFormat
{
    public string Name => AclMetadataReader.FormatName;

    public string Description => "ACL Anthology Network metadata (acl-metadata.txt): id, author, title, venue and year blocks.";

    public IReadOnlyList<string> Aliases => ["aan"];

    public IReadOnlyList<string> Extensions => [".txt"];

    public InputShape Shape => InputShape.Text;

    public int Order => 70;

    public SniffMatch Sniff(InputHead head) => AclMetadataReader.IsBlockStart(head.FirstLine) ? SniffMatch.Strong : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new AclMetadataReader();
}
