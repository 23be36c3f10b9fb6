using CiteGraph.Graph.Model;
using CiteGraph.Graph.Sqlite;
using FsCheck.Xunit;

namespace CiteGraph.Graph.Sqlite.Tests;

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
    public void Many_ids_added_and_a_third_removed_leave_exactly_the_rest()
    {
        var keys = new PaperKeysByExternalId();
        var ids = Enumerable.Range(0, 20_000).Select(i => new ExternalId((ExternalIdKind)(i % 3), $"W{i * 7919 % 100_003}")).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            keys[ids[i]] = i + 1;
        }

        Assert.All(ids.Where((_, i) => i % 3 == 0), id => Assert.True(keys.Remove(id)));
        keys[ids[0]] = -5; // back again, under another key

        Assert.Equal(ids.Count - ids.Count / 3, keys.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var found = keys.TryGetValue(ids[i], out var key);
            Assert.Equal((i % 3 != 0 || i == 0, i == 0 ? -5 : i % 3 != 0 ? i + 1 : 0), (found, found ? key : 0));
        }
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
