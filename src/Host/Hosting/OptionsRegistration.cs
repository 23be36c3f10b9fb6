using System.ComponentModel.DataAnnotations;
using CiteGraph.GraphQL;
using CiteGraph.GraphQL.Mutations;
using CiteGraph.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The one way the service's option classes are registered: bound from their configuration section, validated by their
/// data annotations with each failure naming its full key (<c>CiteGraph:GraphQL:MaxDepth: …</c>), checked at start-up so a
/// bad value stops the host before it serves, and consumed as <see cref="IOptions{TOptions}"/>.
/// </summary>
public static class OptionsRegistration
{
    /// <summary>Every option class of the service, with its section: the list to extend when adding one.</summary>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    public static IServiceCollection AddCiteGraphOptions(this IServiceCollection services)
    {
        services.AddValidatedOptions<CiteGraphOptions>(CiteGraphOptions.Section);
        services.AddValidatedOptions<HttpOptions>(HttpOptions.Section);
        services.AddValidatedOptions<IngestLimitsOptions>(IngestLimitsOptions.Section);
        services.AddValidatedOptions<IngestJobOptions>(IngestJobOptions.Section);
        services.AddValidatedOptions<GraphQLLimitsOptions>(GraphQLLimitsOptions.Section);
        // CiteGraph:ApiKey, else the CITEGRAPH_API_KEY environment variable (part of the host's configuration), as documented.
        services.AddValidatedOptions<ApiKeyOptions>(CiteGraphOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrEmpty(options.ApiKey))
                {
                    options.ApiKey = configuration[ApiKeyOptions.EnvironmentVariable];
                }
            });
        return services;
    }

    /// <summary>
    /// <typeparamref name="TOptions"/> bound from <paramref name="section"/>, validated by its data annotations (failures
    /// named by key) and at start-up.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new KeyedAnnotations<TOptions>(section)));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>Data-annotation validation whose messages start with the configuration key that holds the bad value.</summary>
    private sealed class KeyedAnnotations<TOptions>(string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }

            return ValidateOptionsResult.Fail(results.Select(r =>
                $"{section}:{string.Join(", ", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
