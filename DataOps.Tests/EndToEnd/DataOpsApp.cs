using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using DataOps.Functions.Registry;
using DataOps.LocalHost;
using DataOps.LocalHost.Hosting;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// The whole product for one test: the real function host (Kestrel, free port) with the DataOps app on the shared
/// Azurite under its own task hub, tables, queues and containers, talking over HTTP to its own Glean emulator.
/// </summary>
internal sealed class DataOpsApp : IAsyncDisposable
{
    public const string Key = "e2e-function-key";

    private DataOpsApp(LocalFunctionsHost host, GleanEmulatorFixture glean, string prefix, string storageConnectionString)
    {
        Host = host;
        Glean = glean;
        Prefix = prefix;
        Http = new HttpClient { BaseAddress = host.BaseAddress };
        Http.DefaultRequestHeaders.Add("x-functions-key", Key);
        StorageConnectionString = storageConnectionString;
        JourneyEvents = new QueueServiceClient(storageConnectionString).GetQueueClient(prefix + "-journey-events");
    }

    internal LocalFunctionsHost Host { get; }

    public GleanEmulatorFixture Glean { get; }

    public string Prefix { get; }

    /// <summary>The app's task hub (its tables are <c>{HubName}Instances</c> and <c>{HubName}History</c>).</summary>
    public string HubName => "H" + Prefix;

    /// <summary>The storage account the app runs on.</summary>
    public string StorageConnectionString { get; }

    public HttpClient Http { get; }

    public QueueClient JourneyEvents { get; }

    public DurableTaskClient Durable => Host.Services.GetRequiredService<DurableTaskClient>();

    public IDatasetRegistry Registry => Host.Services.GetRequiredService<IDatasetRegistry>();

    public RegistryTables Tables => Host.Services.GetRequiredService<RegistryTables>();

    public T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public static Task<DataOpsApp> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
        => StartAsync(azurite.ConnectionString, settings, time);

    /// <summary>Starts the app on the storage account of <paramref name="storageConnectionString"/> (for example a test's own Azurite).</summary>
    /// <param name="storageConnectionString">The storage account.</param>
    /// <param name="settings">Settings over the test's own; a null value removes one.</param>
    /// <param name="time">The app's clock, when not the system's.</param>
    /// <param name="configure">Last changes to the host builder (for example a logger provider).</param>
    public static async Task<DataOpsApp> StartAsync(string storageConnectionString, IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<LocalFunctionsHostBuilder>? configure = null)
    {
        var glean = await GleanEmulatorFixture.StartAsync();
        var prefix = AzuriteFixture.UniqueName("e");
        var builder = DataOpsLocalHost.CreateBuilder(new LocalFunctionsHostOptions { ContentRootPath = AppContext.BaseDirectory, LoadLocalSettings = false });
        var values = IsolatedSettings(storageConnectionString, prefix, "H" + prefix, glean, Key);
        values["Host:Urls"] = "http://127.0.0.1:0";
        values["extensions:durableTask:storageProvider:partitionCount"] = "2";
        values["extensions:queues:maxPollingInterval"] = "00:00:00.200";
        values["logging:logLevel:default"] = "Warning";
        values["DataOps:Teardown:GracePeriod"] = "00:00:02";
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            // null removes the test's own value, so the product's default applies.
            if (v is null)
            {
                values.Remove(k);
            }
            else
            {
                values[k] = v;
            }
        }

        builder.Configuration.AddInMemoryCollection(values);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddDataOpsApp();
        configure?.Invoke(builder);
        var host = builder.Build();
        try
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            await glean.DisposeAsync();
            throw;
        }

        var app = new DataOpsApp(host, glean, prefix, storageConnectionString);
        // The journey events queue exists before the app runs, as when deployed: the Storage Queues extension creates none.
        await app.JourneyEvents.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>
    /// The settings that give one test its own app on a shared Azurite: storage, function key, host id, task hub,
    /// registry and template catalog tables, queues and archive container named after <paramref name="prefix"/>, and its Glean emulator.
    /// </summary>
    public static Dictionary<string, string?> IsolatedSettings(string storageConnectionString, string prefix, string hubName, GleanEmulatorFixture glean, string functionKey) => new()
    {
        ["AzureWebJobsStorage"] = storageConnectionString,
        ["FunctionKeys:default"] = functionKey,
        ["AzureFunctionsWebHost:hostid"] = prefix,
        ["extensions:durableTask:hubName"] = hubName,
        ["Glean:BaseUrl"] = glean.BaseUrl.ToString(),
        ["Glean:IndexingToken"] = GleanEmulatorFixture.IndexingToken,
        ["Glean:ClientToken"] = GleanEmulatorFixture.ClientToken,
        ["Glean:ValidationUser"] = GleanEmulatorFixture.SearchUser,
        ["DataOps:Registry:TablePrefix"] = "R" + prefix,
        ["DataOps:Registry:EventsQueueName"] = prefix + "-dataset-events",
        ["DataOps:Archive:ContainerName"] = prefix + "-archives",
        ["DataOps:Staging:ContainerName"] = prefix + "-staging",
        ["DataOps:Reports:ContainerName"] = prefix + "-reports",
        ["DataOps:JourneyEventsQueue"] = prefix + "-journey-events",
        ["MockData:CatalogTable"] = "C" + prefix,
    };

    public static object ProvisionBody(string journeyId, string clientId, string clientName, params string[] types) => new
    {
        journeyId,
        clientId,
        clientName,
        industry = "healthcare",
        useCase = "clinical_workflows",
        stage = "sandbox",
        datasetTypes = types,
        requestedBy = "se@example.com",
    };

    public async Task<HttpResponseMessage> PostJsonAsync(string path, object body)
        => await Http.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, TimeSpan? timeout = null)
    {
        OrchestrationMetadata? last = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                last = await Durable.GetInstanceAsync(instanceId, true, TestContext.Current.CancellationToken);
                return last is { IsCompleted: true };
            },
            $"orchestration {instanceId} completes",
            timeout ?? TimeSpan.FromSeconds(90));
        return last!;
    }

    public Task SendJourneyEventAsync(object message) => SendRawJourneyEventAsync(JsonSerializer.Serialize(message));

    public async Task SendRawJourneyEventAsync(string text)
    {
        await JourneyEvents.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await JourneyEvents.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), cancellationToken: TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await Host.StopAsync(CancellationToken.None);
        }
        finally
        {
            await Host.DisposeAsync();
            await Glean.DisposeAsync();
        }
    }
}
