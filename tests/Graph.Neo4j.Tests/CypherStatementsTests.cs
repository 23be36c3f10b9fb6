using System.Text.RegularExpressions;
using CiteGraph.Graph.Neo4j;
using CiteGraph.Tests;

namespace CiteGraph.Graph.Neo4j.Tests;

public sealed partial class CypherStatementsTests
{
    public static TheoryData<string> StatementFiles() =>
        new(Directory.GetFiles(CypherStatements.Folder, "*.cypher").Select(Path.GetFileNameWithoutExtension).Where(n => n != "schema")!);

    [Fact]
    public void Every_file_of_the_repository_cypher_folder_is_in_the_build_output()
    {
        var source = Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "cypher"), "*.cypher").Select(Path.GetFileName).Order();
        Assert.Equal(source, Directory.GetFiles(CypherStatements.Folder, "*.cypher").Select(Path.GetFileName).Order());
    }

    [Theory]
    [MemberData(nameof(StatementFiles))]
    public void A_statement_file_holds_one_parameterized_statement(string name)
    {
        var statement = CypherStatements.Get(name);
        Assert.DoesNotContain("//", statement.Split('\n')[0], StringComparison.Ordinal);
        Assert.False(statement.EndsWith(';'));
        // Values arrive as $parameters; the only literals are fixed names and kinds, never anything to fill in.
        Assert.DoesNotMatch(Placeholder(), statement);
    }

    [Fact]
    public void The_schema_is_split_into_its_statements_in_order()
    {
        var schema = CypherStatements.GetAll("schema");
        Assert.StartsWith("CREATE CONSTRAINT paper_id", schema[0], StringComparison.Ordinal);
        Assert.Contains(schema, s => s.StartsWith("CREATE FULLTEXT INDEX paper_text", StringComparison.Ordinal));
        Assert.Equal("CALL db.awaitIndexes(300)", schema[^1]);
        Assert.All(schema, s => Assert.DoesNotContain(";", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Splitting_drops_comment_lines_and_keeps_multi_line_statements_whole()
    {
        var statements = CypherStatements.Split("// a comment\nMATCH (n)\nRETURN n;\n\nRETURN 1;\n");
        Assert.Equal(["MATCH (n)\nRETURN n", "RETURN 1"], statements);
    }

    [Fact]
    public void A_missing_or_malformed_name_is_refused()
    {
        Assert.Throws<FileNotFoundException>(() => CypherStatements.Get("no-such-statement"));
        Assert.Throws<ArgumentException>(() => CypherStatements.Get("../schema"));
    }

    [GeneratedRegex(@"\{\d+\}|\{\{|%s")]
    private static partial Regex Placeholder();
}
