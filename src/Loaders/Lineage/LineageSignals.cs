namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// What a rule saw when it proposed an inferred citation: the inputs of its calibrated confidence
/// (<see cref="LineageCalibration"/>), kept so the confidence can be explained and refitted.
/// </summary>
/// <param name="Rule">The rule: <c>arxiv</c>, <c>doi</c>, <c>method</c>, <c>et-al</c>, <c>title</c>, <c>title-name</c> or <c>phrase</c>.</param>
/// <param name="Claim">
/// Method rule: how strongly the cited paper introduces the name — 2 when it coins it ("we propose X (A)"), +2 when its
/// title opens with it, +1 when its title holds the expansion; 0 when it only spells it out ("X (A)").
/// </param>
/// <param name="Use">Method rule: 0 the citing paper defines the name with the same expansion, 1 it writes the name, 2 it writes only the expansion.</param>
/// <param name="Agrees">Method rule: the citing text contains the introducer's expansion of the acronym.</param>
/// <param name="Users">Method, title-name and phrase rules: how many corpus papers use the name, its expansion or the phrase: a name everyone uses is weak evidence of one source.</param>
/// <param name="Earlier">
/// Method rule: papers that used or defined the name before its introducer (0 for a name that is really new). Phrase
/// rule: papers writing the phrase dated before the cited paper (0 when the cited paper is the first to write it).
/// </param>
/// <param name="Definers">Method rule: corpus papers that spell the name out with the same expansion (many: a common term, not one paper's).</param>
/// <param name="Order">−1, 0, 1: the citing paper's date against the cited one's (1 = later); null when a date is missing.</param>
/// <param name="TitleWords">Title, title-name and phrase rules: words of the quoted title, name or phrase.</param>
/// <param name="Similarity">How much the two papers are about the same thing (<see cref="ILineageSimilarity"/>; by default the TF-IDF cosine of their words), in [0, 1].</param>
/// <param name="TopicSimilarity">The idf-weighted cosine of their topics (<see cref="Lineage.TopicSimilarity"/>), in [0, 1].</param>
/// <param name="Proposed">Phrase rule: how many earlier papers the citing paper's rare title phrases point to (this one included).</param>
/// <param name="Semantic">
/// The cosine of the two papers' sentence embeddings (<see cref="EmbeddingSimilarity"/>), or null when either has no
/// stored vector: the gate and the calibration then fall back to <paramref name="Similarity"/>.
/// </param>
public sealed record LineageSignals(
    string Rule, int Claim = 0, int Use = 0, bool Agrees = false, int Users = 0, int Earlier = 0, int Definers = 0, int? Order = null, int TitleWords = 0, double Similarity = 0, double TopicSimilarity = 0, double? Semantic = null, int Proposed = 0);
