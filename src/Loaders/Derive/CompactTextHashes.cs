using System.Buffers.Binary;
using System.Collections;
using System.Globalization;

namespace CiteGraph.Loaders.Derive;

/// <summary>
/// Each paper's embedding text hash (<see cref="CiteGraph.Embeddings.EmbeddingText.Hash"/>: 16 lower-case hex digits)
/// kept as one <see cref="ulong"/> instead of a string, rendered back on demand: 8 bytes a paper instead of about 64,
/// which a full pass holds for every paper of the corpus until the lineage gate reads the few it needs.
/// </summary>
internal sealed class CompactTextHashes : IReadOnlyList<string>
{
    private readonly List<ulong> _hashes = [];

    public int Count => _hashes.Count;

    public string this[int index] => Convert.ToHexStringLower(BitConverter.IsLittleEndian
        ? BitConverter.GetBytes(BinaryPrimitives.ReverseEndianness(_hashes[index]))
        : BitConverter.GetBytes(_hashes[index]));

    /// <summary>Adds a hash of 16 hex digits.</summary>
    public void Add(string hash) => _hashes.Add(ulong.Parse(hash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < _hashes.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
