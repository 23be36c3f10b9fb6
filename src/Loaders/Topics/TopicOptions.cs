namespace CiteGraph.Loaders.Topics;

/// <summary>Options of topic, co-topic and co-occurrence building.</summary>
public sealed record TopicOptions
{
    /// <summary>CO_TOPIC neighbours kept per paper (the top-k). Default 10.</summary>
    public int CoTopicK { get; init; } = 10;

    /// <summary>Topics kept per paper, strongest first. Default 20.</summary>
    public int MaxTopicsPerPaper { get; init; } = 20;

    /// <summary>Papers a key phrase (not a definition, keyword or acronym) must appear in to become a topic. Default 2.</summary>
    public int MinPhraseDf { get; init; } = 2;

    /// <summary>
    /// A topic carried by more papers than this tells papers apart too little to propose CO_TOPIC candidates: its posting
    /// list is not walked (it bounds the work per paper). Default 1,000.
    /// </summary>
    public int CoTopicMaxDf { get; init; } = 1000;

    /// <summary>
    /// Postings read per paper when proposing CO_TOPIC candidates (rarest topics first); bounds the work per paper on
    /// large corpora. Default 1,000.
    /// </summary>
    public int CoTopicCandidateBudget { get; init; } = 1000;

    /// <summary>Topics of each paper (strongest first) that propose CO_TOPIC candidates and CO_OCCURS pairs. Default 10.</summary>
    public int TopicsPerPaperForPairs { get; init; } = 10;

    /// <summary>Papers two topics must share for a CO_OCCURS relationship. Default 2.</summary>
    public int MinCoOccurrence { get; init; } = 2;

    /// <summary>Aliases kept per topic, most frequent first. Default 12.</summary>
    public int MaxAliases { get; init; } = 12;

    /// <summary>Topics a single word must be part of (and head one of) to become a head topic with narrower ones. Default 3.</summary>
    public int MinNarrowerForHead { get; init; } = 3;

    /// <summary>Head topics a paper inherits from the topics it carries (the strongest first). Default 3.</summary>
    public int MaxInheritedHeads { get; init; } = 3;

    /// <summary>Papers of the corpus's latest year a topic needs for a growth (<c>topics(orderBy: GROWTH)</c>). Default 5.</summary>
    public int GrowthMinPapers { get; init; } = 5;

    /// <summary>Threads of extraction and co-topic scoring. Default: the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
