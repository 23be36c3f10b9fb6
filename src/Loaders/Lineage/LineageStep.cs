namespace CiteGraph.Loaders.Lineage;

/// <summary>
/// A step of the lineage rules as it begins (a rule, or a long part of one), and how many items it goes over: derive
/// reports each as a stage of its own, so a log of a long run shows which rule its hours went to.
/// </summary>
/// <param name="Name">What runs: <c>mentions</c>, <c>methods: claims</c>, <c>title phrases: writers</c>, <c>judging</c>, …</param>
/// <param name="Count">Papers, names, phrases or proposals the step goes over.</param>
public readonly record struct LineageStep(string Name, int Count);
