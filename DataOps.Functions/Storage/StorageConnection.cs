using Azure.Core;

namespace DataOps.Functions.Storage;

/// <summary>How the app finds and tunes its storage connections, in one place for every client it creates.</summary>
public static class StorageConnection
{
    /// <summary>The storage connection setting of an Azure Functions app.</summary>
    public const string DefaultName = "AzureWebJobsStorage";

    /// <summary>
    /// The name of the storage clients that probe availability (the health route): one attempt each, no retries, so
    /// they report the state now instead of waiting for storage to come back.
    /// </summary>
    public const string ProbeClientName = "probe";

    /// <summary>
    /// The configuration of the connection <paramref name="name"/>: the setting itself when it holds a connection
    /// string or an identity-based section (<c>blobServiceUri</c>, <c>queueServiceUri</c>, <c>tableServiceUri</c>,
    /// <c>credential</c>...), else <c>ConnectionStrings:name</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither is configured.</exception>
    public static IConfigurationSection Section(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(name);
        if (section.Value is { Length: > 0 } || section.GetChildren().Any())
        {
            return section;
        }

        var connectionStrings = configuration.GetSection("ConnectionStrings").GetSection(name);
        return connectionStrings.Value is { Length: > 0 }
            ? connectionStrings
            : throw new InvalidOperationException($"Storage connection setting '{name}' is not configured.");
    }

    /// <summary>
    /// The configuration a client of <paramref name="service"/> (<c>blob</c>, <c>queue</c> or <c>table</c>) is built
    /// from: a connection string as it is; an identity-based section as Azure Functions reads it, where
    /// <c>{service}ServiceUri</c> (or <c>accountName</c>) gives the endpoint and the other keys (<c>credential</c>,
    /// <c>clientId</c>, ...) the credential, rewritten to the key the client factory matches to the client's constructor.
    /// </summary>
    public static IConfiguration ForService(IConfigurationSection connection, string service)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Value is { Length: > 0 })
        {
            return connection;
        }

        var values = connection.AsEnumerable(makePathsRelative: true).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
        var serviceUri = connection[$"{service}ServiceUri"] ?? connection["serviceUri"]
            ?? (connection["accountName"] is { Length: > 0 } account ? $"https://{account}.{service}.core.windows.net" : null)
            ?? throw new InvalidOperationException(
                $"Storage connection '{connection.Path}' has neither a connection string nor a {service}ServiceUri or accountName setting.");
        // The client factory matches keys to constructor parameters: the table client names its endpoint "endpoint".
        values[service == "table" ? "endpoint" : "serviceUri"] = serviceUri;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>
    /// The profile of every storage client the app builds: retries exponential from 200 ms, at most 5 s apart, 4 of
    /// them, so a storage blip of a few seconds is ridden out inside one call while an outage surfaces within about
    /// 10 s, as a <see cref="Azure.RequestFailedException"/> (status 0) rather than the SDK's
    /// <see cref="AggregateException"/> (<see cref="StorageUnreachablePolicy"/>).
    /// </summary>
    public static void ApplyProfile(ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);

        // Per call: it must see what the retry policy throws once every attempt has failed.
        options.AddPolicy(StorageUnreachablePolicy.Instance, HttpPipelinePosition.PerCall);
    }
}
