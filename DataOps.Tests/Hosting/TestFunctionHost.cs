using DataOps.LocalHost.Hosting;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Hosting;

/// <summary>A real function host on Kestrel on a free port against the shared Azurite, with the given test functions.</summary>
public sealed class TestFunctionHost : IAsyncDisposable
{
    private TestFunctionHost(LocalFunctionsHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public const string Key = "test-function-key";
    public const string MasterKey = "test-master-key";

    internal LocalFunctionsHost Host { get; }

    public HttpClient Client { get; }

    internal static async Task<TestFunctionHost> StartAsync(
        AzuriteFixture azurite,
        Type[] functions,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = CreateBuilder(azurite, functions, settings, services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new TestFunctionHost(host);
    }

    /// <summary>Configuration naming only the storage connection, for registering the app's storage clients in a test host.</summary>
    public static IConfiguration StorageConfiguration(AzuriteFixture azurite) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", azurite.ConnectionString)]).Build();

    internal static LocalFunctionsHostBuilder CreateBuilder(
        AzuriteFixture azurite,
        Type[] functions,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = LocalFunctionsHost.CreateBuilder(new LocalFunctionsHostOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            LoadLocalSettings = false,
        });
        var values = new Dictionary<string, string?>
        {
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["FunctionKeys:default"] = Key,
            ["FunctionKeys:master"] = MasterKey,
            ["AzureFunctionsWebHost:hostid"] = AzuriteFixture.UniqueName("host"),
            ["extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["extensions:queues:visibilityTimeout"] = "00:00:00",
            ["logging:logLevel:default"] = "Warning",
            // A task hub of its own, polled often, for hosts whose functions need the Durable extension.
            ["extensions:durableTask:hubName"] = "Test" + AzuriteFixture.UniqueName("h")[1..13],
            ["extensions:durableTask:storageProvider:partitionCount"] = "1",
            ["extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.250",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddSingleton<InvocationRecorder>();
        services?.Invoke(builder.Services);
        builder.AddFunctions(functions);
        return builder;
    }

    public InvocationRecorder Recorder => Host.Services.GetRequiredService<InvocationRecorder>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await Host.StopAsync(CancellationToken.None);
        }
        finally
        {
            await Host.DisposeAsync();
        }
    }
}
