using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using DataOps.Tests.Domain;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace DataOps.Tests.Functions.Teardown;

/// <summary>A requested teardown starts once, and only where the safety rule allows it (registry on Azurite, engine mocked).</summary>
public sealed class TeardownDatasetHandlerTests(AzuriteFixture azurite)
{
    private const string Instance = "teardown:ds-1";

    private static readonly DateTimeOffset T0 = RegistryHarness.T0;

    private readonly RegistryHarness _h = new(azurite);

    private readonly Mock<DurableTaskClient> _client = new("test");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_UnknownDataset_IsNotFound()
    {
        var result = await HandleAsync(TeardownReason.Manual, force: false);

        Assert.Equal(CommandResult.NotFound, result);
        VerifyNotStarted();
    }

    [Fact]
    public async Task HandleAsync_TeardownAlreadyRunning_AnswersWithIt_AndStartsNothing()
    {
        await RegisterReadyAsync();
        _client.Setup(c => c.GetInstanceAsync(Instance, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(nameof(TeardownDataset), Instance) { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var result = await HandleAsync(TeardownReason.Manual, force: false);

        Assert.Equal(CommandResult.Accepted(Instance), result);
        VerifyNotStarted();
    }

    [Theory]
    [InlineData("cancelling")]
    [InlineData("cancelled")]
    public async Task HandleAsync_ACancelledTeardownStillFinishing_IsRefused_NotAnsweredWithIt(string phase)
    {
        await RegisterReadyAsync();
        _client.Setup(c => c.GetInstanceAsync(Instance, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(nameof(TeardownDataset), Instance)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
                SerializedCustomStatus = $$"""{"phase":"{{phase}}"}""",
            });

        var result = await HandleAsync(TeardownReason.Manual, force: true);

        Assert.Equal(CommandStatus.Refused, result.Status);
        Assert.Contains("still restoring it", result.Refusal, StringComparison.Ordinal);
        VerifyNotStarted();
    }

    [Fact]
    public async Task HandleAsync_ArchivedDataset_IsRefused()
    {
        var record = await RegisterReadyAsync();
        record.Dataset.StartTeardown(TeardownReason.Manual, T0.AddHours(1));
        record.Dataset.Archive("dataset-archives/acme/sandbox/confluence_pages/ds-1/", 10, T0.AddHours(2));
        await _h.Registry.SaveAsync(record, Ct);

        var result = await HandleAsync(TeardownReason.Manual, force: true);

        Assert.Equal(CommandResult.Refused("Dataset 'ds-1' is already archived."), result);
        VerifyNotStarted();
    }

    [Fact]
    public async Task HandleAsync_JourneyActiveInTheStage_IsRefusedUnlessForcedByHand()
    {
        await RegisterReadyAsync();
        await new JourneyProjectionStore(_h.Tables).ApplyAsync("j-1", "acme", "sandbox", completed: false, T0, Ct);

        var refused = await HandleAsync(TeardownReason.StageTransition, force: true);
        var forced = await HandleAsync(TeardownReason.Manual, force: true);

        Assert.Equal(CommandResult.Refused("journey j-1 is active in sandbox; only a manual teardown with force may proceed"), refused);
        Assert.Equal(CommandResult.Accepted(Instance), forced);
        _client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                nameof(TeardownDataset),
                It.Is<object?>(i => IsForcedManualTeardown(i)),
                It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == Instance),
                It.IsAny<CancellationToken>()),
            Times.Once);
    }

    private Task<CommandResult> HandleAsync(TeardownReason reason, bool force) =>
        new TeardownDatasetHandler(_h.Registry, new JourneyProjectionStore(_h.Tables), Microsoft.Extensions.Options.Options.Create(new WorkflowOptions()))
            .HandleAsync(_client.Object, new TeardownDatasetCommand(DatasetId.Create("ds-1"), reason, force), Ct);

    private async Task<DatasetRecord> RegisterReadyAsync()
    {
        var record = await _h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), Ct);
        record.Dataset.StartValidation(T0.AddMinutes(5));
        record.Dataset.MarkReady(Builders.ReadyScore(T0.AddMinutes(10)), T0.AddMinutes(10));
        return await _h.Registry.SaveAsync(record, Ct);
    }

    private static bool IsForcedManualTeardown(object? input) =>
        input is TeardownDatasetInput { Reason: TeardownReason.Manual, Force: true } i && i.DatasetId == DatasetId.Create("ds-1") && i.GracePeriod == TimeSpan.FromHours(24);

    private void VerifyNotStarted() =>
        _client.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Never);
}
