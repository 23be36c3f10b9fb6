using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace CiteGraph.GraphQL.Introspection;

/// <summary>
/// Introspection fields graphql-js <c>getIntrospectionQuery</c> asks for (with <c>specifiedByUrl</c> and
/// <c>inputValueDeprecation</c>) that GraphQL.NET 8 does not have: <c>__Type.specifiedByURL</c> (GraphQL spec, October
/// 2021) and <c>includeDeprecated</c> on <c>__Directive.args</c> (the spec draft's input value deprecation). Added to the
/// introspection types before the schema initializes them; other types are left alone.
/// </summary>
internal static class IntrospectionAdditions
{
    /// <summary>Adds what is missing to <paramref name="graphType"/> when it is <c>__Type</c> or <c>__Directive</c>.</summary>
    public static void AddTo(IGraphType graphType)
    {
        switch (graphType)
        {
            case global::GraphQL.Introspection.__Type type when !type.HasField("specifiedByURL"):
                // Every scalar here is a built-in or has no published specification: null, as the spec asks in that case.
                type.Field<StringGraphType>("specifiedByURL")
                    .Description("A URL to the specification of a custom scalar; null for built-in scalars and for every other kind of type.")
                    .Resolve(_ => null);
                break;
            case global::GraphQL.Introspection.__Directive directive when directive.GetField("args") is { } args &&
                                                                         args.Arguments?.Find("includeDeprecated") is null:
                AddIncludeDeprecated(args);
                break;
        }
    }

    private static void AddIncludeDeprecated(FieldType args)
    {
        args.Arguments ??= new QueryArguments();
        args.Arguments.Add(new QueryArgument<BooleanGraphType>
        {
            Name = "includeDeprecated",
            DefaultValue = false,
            Description = "Whether deprecated arguments are listed too.",
        });
        var inner = args.Resolver ?? throw new InvalidOperationException("__Directive.args has no resolver.");
        args.Resolver = new FuncFieldResolver<object?>(async context =>
        {
            var all = await inner.ResolveAsync(context);
            return context.GetArgument("includeDeprecated", false) || all is not IEnumerable<QueryArgument> list
                ? all
                : list.Where(a => a.DeprecationReason is null).ToList();
        });
    }
}
