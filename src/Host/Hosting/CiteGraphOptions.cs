using System.ComponentModel.DataAnnotations;

namespace CiteGraph.Host.Hosting;

/// <summary>Options of the CiteGraph service, section <c>CiteGraph</c> (command line <c>--CiteGraph:Database=…</c>, env <c>CiteGraph__Database</c>).</summary>
public sealed class CiteGraphOptions
{
    public const string Section = "CiteGraph";

    /// <summary>Path of the embedded SQLite store. Default <c>citegraph.db</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "citegraph.db";

    /// <summary>
    /// The store as a URI (<c>sqlite:PATH</c> or <c>neo4j+http://USER:PASS@HOST:7474/DB</c>); when set it wins over
    /// <see cref="Database"/>. Default none. A Neo4j URI without credentials takes them from NEO4J_USER / NEO4J_PASSWORD.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>Load the shipped demo corpus into the store at start-up. Default false.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// How often, in seconds, the server checks whether others wrote the store and rebuilds its snapshot if so; 0 turns
    /// the check off. Default 1.
    /// </summary>
    [Range(0, 3600)]
    public double SnapshotRefreshSeconds { get; set; } = 1;

    /// <summary>
    /// Answer the explorer start page's overview once right after start-up, so the first visitor does not wait for the
    /// GraphQL engine's first use. Default false; <c>citegraph serve</c> turns it on.
    /// </summary>
    public bool WarmUpStartPage { get; set; }
}
