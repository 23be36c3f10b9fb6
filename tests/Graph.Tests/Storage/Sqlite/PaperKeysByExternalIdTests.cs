using CiteGraph.Graph.Model;
using CiteGraph.Graph.Storage.Sqlite;
using FsCheck.Xunit;

namespace CiteGraph.Graph.Tests.Storage.Sqlite;

public class PaperKeysByExternalIdTests
{
    [Property(MaxTest = 300)]
    public bool Answers_as_a_dictionary_of_the_ids_themselves_would((byte Kind, string? Value, long Key, bool Remove)[] operations)
    {
        var keys = new PaperKeysByExternalId();
        var reference = new Dictionary<ExternalId, long>();
        var kinds = Enum.GetValues<ExternalIdKind>();
        foreach (var (kind, value, key, remove) in operations)
        {
            var id = new ExternalId(kinds[kind % kinds.Length], value ?? "");
            if (remove)
            {
                if (keys.Remove(id) != reference.Remove(id))
                {
                    return false;
                }
            }
            else
            {
                keys[id] = key;
                reference[id] = key;
            }
        }

        return keys.Count == reference.Count
            && reference.All(pair => keys.TryGetValue(pair.Key, out var key) && key == pair.Value)
            && operations.All(o => keys.TryGetValue(new ExternalId(kinds[o.Kind % kinds.Length], o.Value ?? ""), out _)
                == reference.ContainsKey(new ExternalId(kinds[o.Kind % kinds.Length], o.Value ?? "")));
    }

    [Fact]
    public void The_same_value_under_two_kinds_is_two_papers()
    {
        var keys = new PaperKeysByExternalId();
        keys[new ExternalId(ExternalIdKind.OpenAlex, "W1")] = 1;
        keys[new ExternalId(ExternalIdKind.S2, "W1")] = 2;

        Assert.True(keys.TryGetValue(new ExternalId(ExternalIdKind.OpenAlex, "W1"), out var openAlex));
        Assert.True(keys.TryGetValue(new ExternalId(ExternalIdKind.S2, "W1"), out var s2));
        Assert.Equal((1, 2), (openAlex, s2));
        Assert.False(keys.TryGetValue(new ExternalId(ExternalIdKind.Doi, "W1"), out _));
    }
}
