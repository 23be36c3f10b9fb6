namespace CiteGraph.Loaders.Topics;

/// <summary>
/// When an acronym a paper defines becomes an alias of the topic its expansion names. Two rules:
/// <list type="number">
/// <item><b>Initials.</b> Every content word of the expansion gives the acronym its initial, in order; a word may give
/// further letters after its initial (<c>VAE</c> = variational <b>a</b>uto<b>e</b>ncoder, <c>3DGS</c> = <b>3D</b> gaussian
/// splatting, <c>ViT</c> = <b>vi</b>sion <b>t</b>ransformer, <c>rDPO</c> = <b>r</b>obust <b>DPO</b>) and function words
/// or hyphen-joined parts may give none (<c>BERT</c> … <i>from</i> transformers, <c>GPT</c> generative <b>p</b>re-trained
/// transformer) or letters (<c>MoE</c> = mixture <b>o</b>f experts).</item>
/// <item><b>A coined short form is a name only when the field uses it.</b> A short form with lower-case letters
/// (<c>ViGen</c>, <c>ViT</c>, <c>LoRA</c>) is pronounceable and coined; it joins the topic only when at least two papers
/// define it with that expansion, or when every paper carrying the expansion defines it (the topic is the coining
/// paper's own). One paper's private abbreviation of a common concept is no alias of the concept: "video generation
/// (ViGen)" in one of the hundreds of video-generation papers does not make ViGen a name of video generation.</item>
/// </list>
/// All-capital acronyms (<c>DPO</c>, <c>LLM</c>) need only the initials rule. The acronym still resolves the paper's own
/// uses to the topic (its text means it); only the alias, which every reader of the topic sees, is withheld.
/// </summary>
internal static class AcronymAlias
{
    /// <summary>True when <paramref name="acronym"/> may be listed as an alias of the topic named <paramref name="expansion"/>.</summary>
    /// <param name="acronym">The short form (singular).</param>
    /// <param name="expansion">The topic's name.</param>
    /// <param name="definingPapers">Papers that define the acronym with this expansion.</param>
    /// <param name="topicPapers">Papers carrying the topic.</param>
    public static bool Allowed(string acronym, string expansion, int definingPapers, int topicPapers)
    {
        ArgumentNullException.ThrowIfNull(acronym);
        ArgumentNullException.ThrowIfNull(expansion);
        if (TopicLexicon.StopAcronyms.Contains(acronym) || !InitialsMatch(acronym, expansion))
        {
            return false;
        }

        var coined = acronym.Any(char.IsLower);
        return !coined || definingPapers >= 2 || definingPapers >= topicPapers;
    }

    /// <summary>The initials rule (see the type's remarks).</summary>
    public static bool InitialsMatch(string acronym, string expansion)
    {
        ArgumentNullException.ThrowIfNull(acronym);
        ArgumentNullException.ThrowIfNull(expansion);
        var letters = acronym.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        if (letters.Length == 0)
        {
            return false;
        }

        // Parts: words split at spaces; hyphen-joined parts after the first are optional, like function words.
        var parts = new List<(string Text, bool Required)>();
        foreach (var word in expansion.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = word.Split(['-', '/'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < pieces.Length; i++)
            {
                var text = new string(pieces[i].Where(char.IsLetterOrDigit).ToArray());
                if (text.Length > 0)
                {
                    parts.Add((text, i == 0 && !StopWords.Function.Contains(text)));
                }
            }
        }

        return Match(letters, 0, parts, 0, new Dictionary<(int, int), bool>());
    }

    // Can letters[li..] be spelled by parts[pi..], each part giving nothing (if optional) or its initial and then any of
    // its later letters in order?
    private static bool Match(char[] letters, int li, List<(string Text, bool Required)> parts, int pi, Dictionary<(int, int), bool> memo)
    {
        if (pi == parts.Count)
        {
            return li == letters.Length;
        }

        if (memo.TryGetValue((li, pi), out var known))
        {
            return known;
        }

        var (text, required) = parts[pi];
        var result = !required && Match(letters, li, parts, pi + 1, memo);
        if (!result && li < letters.Length && text[0] == letters[li])
        {
            // The part gives its initial, then k more letters taken in order from the rest of the part.
            var l = li + 1;
            result = Match(letters, l, parts, pi + 1, memo);
            var t = 1;
            while (!result && l < letters.Length)
            {
                while (t < text.Length && text[t] != letters[l])
                {
                    t++;
                }

                if (t >= text.Length)
                {
                    break;
                }

                t++;
                l++;
                result = Match(letters, l, parts, pi + 1, memo);
            }
        }

        memo[(li, pi)] = result;
        return result;
    }
}
