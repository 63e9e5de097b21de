using DataOps.LocalHost.TaskHub;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static DataOps.Tests.LocalHost.TaskHub.TaskHubTestTasks;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>
/// The task hub worker as the app registers it (<see cref="TaskHubWorkerServiceCollectionExtensions.AddTaskHubWorker"/>),
/// over a task hub of its own on the shared Azurite, tuned for fast round trips; the hub is deleted at the end.
/// </summary>
public sealed class TaskHubWorkerHostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>Deliveries after which the host moves a message aside; low so the poison test is quick.</summary>
    public const int MaxDequeueCount = 2;

    private ServiceProvider? _services;

    public string HubName { get; } = AzuriteFixture.UniqueName("engine");

    public AzuriteFixture Azurite => azurite;

    public ServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture has not started.");

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    internal TaskHubService TaskHub => Services.GetRequiredService<TaskHubService>();

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["extensions:durableTask:hubName"] = HubName,
            ["extensions:durableTask:useAppLease"] = "false",
            ["extensions:durableTask:maxDequeueCount"] = MaxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["extensions:durableTask:storageProvider:partitionCount"] = "1",
            ["extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.250",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<ScopeProbe>();
        services.AddTaskHubWorker(configuration, registry => registry
            .AddOrchestrator<StampTwice>()
            .AddOrchestrator<FeedText>()
            .AddOrchestrator<Sleep>()
            .AddOrchestrator<Noop>()
            .AddActivity<Stamp>()
            .AddActivity<TaskHubTestTasks.Double>());
        _services = services.BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is null)
        {
            return;
        }

        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            using var stopLimit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await hosted.StopAsync(stopLimit.Token);
        }

        await TaskHub.Service.DeleteAsync();
        await TaskHub.PoisonQueue.DeleteIfExistsAsync();
        await _services.DisposeAsync();
    }
}
