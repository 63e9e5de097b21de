using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using DataOps.Tests.EndToEnd;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask;
using Moq;

namespace DataOps.Tests.Functions.Teardown;

/// <summary>
/// Two orchestrations that tear the same dataset down at the same moment (a stage change delivered twice, the journey
/// completing during a stage change) both ask the client to start <c>teardown:{id}</c>; the engine runs one start.
/// Exactly one caller must be told it owns the teardown, or the other would wait for a result that never comes.
/// </summary>
public sealed class StartTeardownTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RunAsync_TwoCallersAtOnce_ExactlyOneOwnsTheTeardown_AndARepeatedAttemptStillDoes()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var activity = new StartTeardown(app.Durable);
        var context = Mock.Of<TaskActivityContext>();
        for (var round = 0; round < 3; round++)
        {
            // No such dataset: the teardown fails at once, which is enough here: it ran, with one caller's input.
            var datasetId = DatasetId.Create($"race-{round}");
            var callers = new[] { $"transition-a-{round}", $"transition-b-{round}" };

            var owners = await Task.WhenAll(callers.Select(caller =>
                activity.RunAsync(context, new TeardownDatasetInput(datasetId, TeardownReason.StageTransition, false, TimeSpan.FromSeconds(1), caller))));

            Assert.Equal(1, owners.Count(o => o));
            var instance = await app.Durable.GetInstanceAsync(LifecycleWorkflows.Teardown(datasetId), true, TestContext.Current.CancellationToken);
            var owner = callers[Array.IndexOf(owners, true)];
            Assert.Equal(owner, instance!.ReadInputAs<TeardownDatasetInput>()!.Caller);
            Assert.True(await activity.RunAsync(context, new TeardownDatasetInput(datasetId, TeardownReason.StageTransition, false, TimeSpan.FromSeconds(1), owner)));
        }
    }
}
