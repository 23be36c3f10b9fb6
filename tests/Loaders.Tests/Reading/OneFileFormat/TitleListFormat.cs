using System.Globalization;
using System.Runtime.CompilerServices;
using CiteGraph.Graph.Model;
using CiteGraph.Loaders.Reading;

namespace CiteGraph.Loaders.Tests.Reading.OneFileFormat;

/// <summary>
/// A format that exists only in this test assembly, written as docs/formats.md says a new format is: one file holding
/// the registration and the reader, and nothing else edited. Its files start with <c>#title-list</c>, then
/// <c>year&lt;TAB&gt;title</c> a line.
/// </summary>
internal sealed class TitleListFormat : IInputFormat
{
    public const string Header = "#title-list";

    public string Name => "title-list";

    public string Description => "Test-only: a year and a title a line.";

    public IReadOnlyList<string> Aliases => ["titles"];

    public IReadOnlyList<string> Extensions => [".titles"];

    public InputShape Shape => InputShape.Text;

    // Before every built-in text format: its header line would otherwise be taken for a comment of an edge list.
    public int Order => 5;

    public SniffMatch Sniff(InputHead head) => head.FirstLine.TrimEnd('\r') == Header ? SniffMatch.Strong : SniffMatch.None;

    public IRecordReader Create(InputHead head, ReadOptions options) => new Reader();

    private sealed class Reader : IRecordReader
    {
        public string Format => "title-list";

        public async IAsyncEnumerable<ReadResult> ReadAsync(InputFile input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using var stream = input.OpenContent();
            using var reader = new StreamReader(stream);
            var line = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                line++;
                if (line == 1 || text.Length == 0)
                {
                    continue;
                }

                var fields = text.Split('\t');
                yield return fields.Length == 2 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                    ? ReadResult.Ok(new PaperRecord { Title = fields[1], Published = new PartialDate(year, null, null), Source = new SourceRef(input.Name, line, Format) })
                    : ReadResult.Rejected(input.Name, line, "expected a year, a tab and a title");
            }
        }
    }
}
