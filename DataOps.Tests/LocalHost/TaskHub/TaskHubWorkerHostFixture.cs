using System.Globalization;
using Azure.Storage.Queues;
using DataOps.Tests.Hosting;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using static DataOps.Tests.LocalHost.TaskHub.TaskHubTestTasks;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>
/// A local host running <see cref="TaskHubTestFunctions"/> on the Durable extension, over a task hub of its own on the
/// shared Azurite, tuned for fast round trips.
/// </summary>
public sealed class TaskHubWorkerHostFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>Deliveries after which the host moves a message aside; low so the poison test is quick.</summary>
    public const int MaxDequeueCount = 2;

    private TestFunctionHost? _host;

    public string HubName { get; } = "Engine" + AzuriteFixture.UniqueName("h")[1..13];

    public AzuriteFixture Azurite => azurite;

    public DurableTaskClient Client => (_host ?? throw new InvalidOperationException("The fixture has not started.")).Host.Services.GetRequiredService<DurableTaskClient>();

    public QueueClient PoisonQueue => new QueueServiceClient(azurite.ConnectionString).GetQueueClient(HubName.ToLowerInvariant() + "-poison");

    public async ValueTask InitializeAsync()
    {
        _host = await TestFunctionHost.StartAsync(
            azurite,
            [typeof(TaskHubTestFunctions)],
            new Dictionary<string, string?>
            {
                ["extensions:durableTask:hubName"] = HubName,
                ["extensions:durableTask:maxDequeueCount"] = MaxDequeueCount.ToString(CultureInfo.InvariantCulture),
            },
            services => services.AddScoped<ScopeProbe>());

        // The extension creates the task hub's queues and tables as it starts listening: one round trip proves it has.
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(Noop), "ready", TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        await Client.WaitForInstanceCompletionAsync(id, limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await PoisonQueue.DeleteIfExistsAsync();
    }
}
