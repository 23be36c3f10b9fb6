using System.Security.Cryptography;
using System.Text;

namespace CiteGraph.Embeddings;

/// <summary>What a paper is embedded as, and the hash that says whether its stored vector is still current.</summary>
public static class EmbeddingText
{
    /// <summary>
    /// Characters kept. all-MiniLM-L6-v2 was trained on at most 256 word pieces (about 1,200 characters of English); text
    /// beyond that changes little in the vector but costs quadratically in attention, so it is cut at a word boundary.
    /// </summary>
    public const int MaxCharacters = 1500;

    /// <summary>The title and the abstract as one text: "Title. Abstract", whitespace collapsed, cut to <see cref="MaxCharacters"/>.</summary>
    public static string Of(string title, string? abstractText)
    {
        ArgumentNullException.ThrowIfNull(title);
        var t = Collapse(title);
        var a = Collapse(abstractText ?? "");
        var text = a.Length == 0 ? t : t.Length == 0 ? a : t.EndsWith('.') || t.EndsWith('?') || t.EndsWith('!') ? $"{t} {a}" : $"{t}. {a}";
        if (text.Length <= MaxCharacters)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxCharacters);
        return text[..(cut > MaxCharacters / 2 ? cut : MaxCharacters)];
    }

    /// <summary>
    /// A short stable hash of an embedding text (16 hex digits of SHA-256 over the text and <see cref="MiniLmEmbedder.ModelName"/>),
    /// stored beside the vector: a paper whose text or model changed gets a different hash and is embedded again.
    /// </summary>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(MiniLmEmbedder.ModelName + "\n" + text));
        return Convert.ToHexStringLower(bytes, 0, 8);
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
