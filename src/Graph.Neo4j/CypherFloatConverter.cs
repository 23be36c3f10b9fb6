using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiteGraph.Graph.Neo4j;

/// <summary>
/// Writes every <see cref="double"/> parameter with a fraction or exponent (<c>1.0</c>, not <c>1</c>), because the Query
/// API types a JSON number by its spelling: <c>1</c> would be stored as an INTEGER, <c>1.0</c> is a FLOAT.
/// </summary>
internal sealed class CypherFloatConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{value} cannot be sent to Neo4j as a JSON number.", nameof(value));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        writer.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E') >= 0 ? text : text + ".0", skipInputValidation: true);
    }
}
