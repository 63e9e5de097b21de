using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Durable.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Durable.TestSupport;

/// <summary>An in-process worker on a real Azurite task hub, with short lease and polling intervals.</summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private DurableTestHost(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => _host.Services;

    internal DurableTaskWorker Worker => _host.Services.GetRequiredService<DurableTaskWorker>();

    public static async Task<DurableTestHost> StartAsync(
        string connectionString,
        string hubName,
        Action<DurableTaskBuilder> tasks,
        Action<IServiceCollection>? services = null,
        Action<DurableTaskOptions>? options = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var durable = builder.Services.AddDurableTask(o =>
        {
            o.HubName = hubName;
            o.ConnectionString = connectionString;
            o.MaxDequeueCount = 5;
            o.ShutdownTimeout = TimeSpan.FromSeconds(5);
            o.StorageProvider.PartitionCount = 4;
            o.StorageProvider.LeaseDuration = TimeSpan.FromSeconds(15);
            o.StorageProvider.LeaseRenewInterval = TimeSpan.FromMilliseconds(500);
            o.StorageProvider.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100);
            o.StorageProvider.ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(4);
            o.StorageProvider.WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(4);
            o.StorageProvider.TimerPollHorizon = TimeSpan.FromMilliseconds(300);
            options?.Invoke(o);
        });
        tasks(durable);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new DurableTestHost(host);
    }

    /// <summary>Waits until this worker owns at least <paramref name="count"/> partitions.</summary>
    public Task WaitForPartitionsAsync(int count, TimeSpan timeout) =>
        Eventually.HoldsAsync(() => Worker.Partitions.OwnedPartitions.Count >= count, $"{count} owned partitions", timeout);

    /// <summary>Simulates a process death: no graceful shutdown, leases and messages left as they are.</summary>
    public void Crash() => Worker.Crash();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
