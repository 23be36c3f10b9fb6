using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiteGraph.Graph.Export;

/// <summary>
/// Writes Cytoscape.js elements JSON, <c>{ "elements": { "nodes": [{ "data": … }], "edges": [{ "data": … }] } }</c>:
/// <c>cy.json(…)</c> and <c>cytoscape({ elements })</c> take it, and Cytoscape desktop imports it (.cyjs).
/// </summary>
public static class CytoscapeJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(ExportGraph graph, Stream output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteString("name", "CiteGraph");
        json.WriteBoolean("truncated", graph.Truncated);
        json.WriteEndObject();
        json.WriteStartObject("elements");
        json.WriteStartArray("nodes");
        foreach (var node in graph.Nodes)
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", node.Id);
            json.WriteString("label", node.Label);
            Optional(json, "year", node.Year);
            if (node.Published is not null)
            {
                json.WriteString("published", node.Published);
            }

            Optional(json, "community", node.Community);
            if (node.PageRank is { } rank)
            {
                json.WriteNumber("pageRank", rank);
            }

            json.WriteBoolean("seed", node.Seed);
            json.WriteBoolean("stub", node.Stub);
            if (node.ArxivId is not null)
            {
                json.WriteString("arxivId", node.ArxivId);
            }

            if (node.Doi is not null)
            {
                json.WriteString("doi", node.Doi);
            }

            json.WriteStartArray("repos");
            foreach (var repo in node.Repos)
            {
                json.WriteStringValue(repo);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("edges");
        var n = 0;
        foreach (var edge in graph.Edges)
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", "e" + n++);
            json.WriteString("source", edge.Source);
            json.WriteString("target", edge.Target);
            json.WriteString("kind", edge.Kind);
            json.WriteNumber("confidence", edge.Confidence);
            if (edge.Evidence is not null)
            {
                json.WriteString("evidence", edge.Evidence);
            }

            if (edge.Via is not null)
            {
                json.WriteString("via", edge.Via);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}
