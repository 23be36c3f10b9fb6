using System.Globalization;
using System.Text;
using System.Xml;

namespace CiteGraph.Graph.Export;

/// <summary>Shared pieces of the XML writers.</summary>
internal static class XmlText
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
    };

    /// <summary>The text without characters XML 1.0 cannot hold (control characters from a broken source).</summary>
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                builder.Append(text, i, 2);
                i++;
            }
        }

        return builder.ToString();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Community colors, the same the explorer draws (a 12-color qualitative palette, grey for none).</summary>
public static class CommunityPalette
{
    private static readonly (byte R, byte G, byte B)[] Colors =
    [
        (0x1f, 0x77, 0xb4), (0xff, 0x7f, 0x0e), (0x2c, 0xa0, 0x2c), (0xd6, 0x27, 0x28), (0x94, 0x67, 0xbd), (0x8c, 0x56, 0x4b),
        (0xe3, 0x77, 0xc2), (0x7f, 0x7f, 0x7f), (0xbc, 0xbd, 0x22), (0x17, 0xbe, 0xcf), (0x39, 0x3b, 0x79), (0xad, 0x49, 0x4a),
    ];

    /// <summary>The color of a community; grey (#b0b0b0) when none.</summary>
    public static (byte R, byte G, byte B) Of(int? community) =>
        community is { } c ? Colors[(int)((uint)c % (uint)Colors.Length)] : ((byte)0xb0, (byte)0xb0, (byte)0xb0);
}
