using Azure.Storage.Blobs.Models;
using DataOps.Durable;
using DataOps.Durable.Runtime.Storage;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>Payloads over the 45 KB threshold travel through the large-messages container and come back intact.</summary>
public sealed class LargePayloadTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sequence_200KbInput_CompletesAndPurgeRemovesBlobs()
    {
        await using var host = await DurableTestHost.StartAsync(azurite.ConnectionString, AzuriteFixture.UniqueName("big"),
            b => b.AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>());
        var input = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i:D9},"));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), input, cancellation: Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(input + "+++", done.ReadOutputAs<string>());
        var blobs = host.Services.GetRequiredService<TaskHubStorage>().LargeMessages;
        Assert.NotEmpty(await blobs.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{id}/" }, Ct).ToListAsync(Ct));
        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(id, Ct)).PurgedInstanceCount);
        Assert.Empty(await blobs.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{id}/" }, Ct).ToListAsync(Ct));
    }
}
