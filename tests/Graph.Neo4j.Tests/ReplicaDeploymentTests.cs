using System.Text.RegularExpressions;
using CiteGraph.Tests;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CiteGraph.Graph.Neo4j.Tests;

/// <summary>
/// deploy/compose.replicas.yml and deploy/nginx.conf (issue 22): two CiteGraph replicas on one Neo4j behind nginx. Docker
/// is not available where the tests run, so the files are checked as written: the compose file parsed as YAML (anchors
/// and merge keys resolved, as compose does), the proxy configuration read for its upstream and locations.
/// </summary>
public sealed partial class ReplicaDeploymentTests
{
    private static string Deploy(string file) => Path.Combine(SharedData.RepoRoot, "deploy", file);

    private static Dictionary<object, object> Compose()
    {
        using var reader = new StringReader(File.ReadAllText(Deploy("compose.replicas.yml")));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Map(object node, string key) => (Dictionary<object, object>)((Dictionary<object, object>)node)[key];

    private static Dictionary<object, object> Service(string name) => Map(Map(Compose(), "services"), name);

    private static List<string> Strings(object node) => ((List<object>)node).Select(x => (string)x).ToList();

    [Fact]
    public void Two_replicas_serve_the_same_neo4j_store_once_it_is_healthy_and_check_their_own_readiness()
    {
        var services = Map(Compose(), "services");
        var replicas = services.Keys.Cast<string>().Where(name => name.StartsWith("citegraph-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["citegraph-a", "citegraph-b"], replicas);

        foreach (var name in replicas)
        {
            var replica = Service(name);
            var command = Strings(replica["command"]);
            Assert.Equal("serve", command[0]);
            var store = command[command.IndexOf("--store") + 1];
            Assert.Equal("neo4j+http://neo4j@neo4j:7474/neo4j", store);
            // Stateless: no demo corpus loaded per replica, no local database file.
            Assert.DoesNotContain("--demo", command);
            Assert.DoesNotContain("--db", command);
            Assert.Equal("service_healthy", (string)Map(Map(replica, "depends_on"), "neo4j")["condition"]);

            var environment = Map(replica, "environment");
            Assert.Equal("1", (string)environment["CiteGraph__SnapshotRefreshSeconds"]);
            Assert.Equal("0", (string)environment["CiteGraph__Http__RateLimitPerMinute"]);
            Assert.True(int.Parse((string)environment["NEO4J_SNAPSHOT_PAGE_SIZE"], System.Globalization.CultureInfo.InvariantCulture) > 0);

            var health = string.Join(" ", Strings(Map(replica, "healthcheck")["test"]));
            Assert.Contains("/health/ready", health, StringComparison.Ordinal);
            Assert.Contains("127.0.0.1/5000", health, StringComparison.Ordinal);
            Assert.Contains("5000", Strings(replica["expose"]));
            Assert.Contains(":5000", command[command.IndexOf("--urls") + 1], StringComparison.Ordinal);
        }

        Assert.Contains("cypher-shell", string.Join(" ", Strings(Map(Service("neo4j"), "healthcheck")["test"])), StringComparison.Ordinal);
    }

    [Fact]
    public void The_proxy_starts_after_both_replicas_are_ready_and_publishes_the_only_port()
    {
        var proxy = Service("proxy");
        var dependsOn = Map(proxy, "depends_on");
        Assert.Equal(["citegraph-a", "citegraph-b"], dependsOn.Keys.Cast<string>().Order());
        Assert.All(dependsOn.Values, d => Assert.Equal("service_healthy", (string)((Dictionary<object, object>)d)["condition"]));
        Assert.Contains("./nginx.conf:/etc/nginx/nginx.conf:ro", Strings(proxy["volumes"]));
        Assert.Equal(["8080:8080"], Strings(proxy["ports"]));
        Assert.False(Service("citegraph-a").ContainsKey("ports"));
        Assert.False(Service("neo4j").ContainsKey("ports"));

        // The replicas trust the proxy's forwarded client address: the proxy's fixed address is in the trusted network.
        var address = (string)Map(Map(proxy, "networks"), "backend")["ipv4_address"];
        var trusted = (string)Map(Service("citegraph-a"), "environment")["CiteGraph__Http__TrustedProxies__0"];
        Assert.True(System.Net.IPNetwork.Parse(trusted).Contains(System.Net.IPAddress.Parse(address)));
    }

    [Fact]
    public void The_nginx_upstream_names_every_replica_on_its_port_and_each_location_passes_to_it()
    {
        var conf = File.ReadAllText(Deploy("nginx.conf"));
        var upstream = Upstream().Match(conf);
        Assert.True(upstream.Success, "no upstream citegraph { … } block");
        var servers = Server().Matches(upstream.Groups["body"].Value).Select(m => m.Groups["host"].Value).ToList();
        var replicas = Map(Compose(), "services").Keys.Cast<string>().Where(n => n.StartsWith("citegraph-", StringComparison.Ordinal));
        Assert.Equal(replicas.Select(r => r + ":5000"), servers);
        // Sticky per client: an ingest's job is polled on the replica that runs it.
        Assert.Matches(@"hash \$binary_remote_addr consistent;", upstream.Groups["body"].Value);

        var locations = Location().Matches(conf).ToDictionary(m => m.Groups["path"].Value, m => m.Groups["body"].Value);
        Assert.Equal(["/", "/graphql", "/health/"], locations.Keys.Order(StringComparer.Ordinal));
        Assert.All(locations.Values, body => Assert.Contains("proxy_pass http://citegraph;", body, StringComparison.Ordinal));
        Assert.Contains("X-Forwarded-For", locations["/graphql"], StringComparison.Ordinal);
        Assert.Contains("limit_req zone=per_client", locations["/graphql"], StringComparison.Ordinal);
        Assert.Contains("proxy_buffering off;", locations["/graphql"], StringComparison.Ordinal);
        Assert.Matches(@"listen 8080;", conf);
        Assert.Matches(@"limit_req_zone \$binary_remote_addr zone=per_client:", conf);
        Assert.Equal(conf.Count(c => c == '{'), conf.Count(c => c == '}'));
    }

    [GeneratedRegex(@"upstream citegraph \{(?<body>[^}]*)\}")]
    private static partial Regex Upstream();

    [GeneratedRegex(@"^\s*server (?<host>[\w.-]+:\d+)[^;]*;", RegexOptions.Multiline)]
    private static partial Regex Server();

    [GeneratedRegex(@"location (?<path>\S+) \{(?<body>[^}]*)\}")]
    private static partial Regex Location();
}
