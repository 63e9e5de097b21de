using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace DataOps.Tests.Functions.Teardown;

/// <summary>When an operator may stop a teardown, and what stopping it does.</summary>
public sealed class TerminateTeardownHandlerTests
{
    private const string Instance = "teardown:ds-1";

    private static readonly TerminateTeardownCommand Command = new(DatasetId.Create("ds-1"), "wrong dataset");

    private readonly Mock<DurableTaskClient> _client = new("test");

    [Fact]
    public async Task HandleAsync_NoTeardownEverRan_IsNotFound()
    {
        var result = await HandleAsync();

        Assert.Equal(CommandResult.NotFound, result);
        VerifyNothingStopped();
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed, "completed")]
    [InlineData(OrchestrationRuntimeStatus.Failed, "failed")]
    [InlineData(OrchestrationRuntimeStatus.Terminated, "terminated")]
    public async Task HandleAsync_TeardownEnded_IsRefused(OrchestrationRuntimeStatus status, string named)
    {
        Returns(Teardown(status, "{\"phase\":\"archived\"}"));

        var result = await HandleAsync();

        Assert.Equal(CommandStatus.Refused, result.Status);
        Assert.Equal($"The teardown of dataset 'ds-1' is {named}; only a running teardown can be terminated.", result.Refusal);
        VerifyNothingStopped();
    }

    [Fact]
    public async Task HandleAsync_TeardownDeletingItsConnector_IsRefused()
    {
        Returns(Teardown(OrchestrationRuntimeStatus.Running, "{\"phase\":\"deleting\"}"));

        var result = await HandleAsync();

        Assert.Equal(CommandStatus.Refused, result.Status);
        Assert.Equal(
            "The teardown of dataset 'ds-1' is past its grace period and deleting; stopping it now would leave the connector half deleted.",
            result.Refusal);
        VerifyNothingStopped();
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, null)]
    [InlineData(OrchestrationRuntimeStatus.Running, "{\"phase\":\"archiving\"}")]
    [InlineData(OrchestrationRuntimeStatus.Suspended, "{\"phase\":\"grace_period\",\"deleteAt\":\"2026-12-06T08:00:00Z\"}")]
    public async Task HandleAsync_TeardownInItsGracePeriodOrBefore_IsTerminatedWithTheReason(OrchestrationRuntimeStatus status, string? customStatus)
    {
        Returns(Teardown(status, customStatus));

        var result = await HandleAsync();

        Assert.Equal(CommandResult.Accepted(Instance), result);
        _client.Verify(c => c.TerminateInstanceAsync(Instance, "terminated by an operator: wrong dataset", It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_TeardownAnotherWorkflowStarted_TellsThatWorkflowAtOnce()
    {
        Returns(Teardown(OrchestrationRuntimeStatus.Running, "{\"phase\":\"grace_period\"}", caller: "transition:j-1:sandbox:production:1"));

        await HandleAsync();

        _client.Verify(
            c => c.RaiseEventAsync(
                "transition:j-1:sandbox:production:1",
                LifecycleWorkflows.TeardownCompletedEvent(DatasetId.Create("ds-1")),
                It.Is<object?>(o => TellsTerminated(o)),
                It.IsAny<CancellationToken>()),
            Times.Once);
    }

    private Task<CommandResult> HandleAsync() =>
        new TerminateTeardownHandler(NullLogger<TerminateTeardownHandler>.Instance).HandleAsync(_client.Object, Command, TestContext.Current.CancellationToken);

    private void Returns(OrchestrationMetadata instance) =>
        _client.Setup(c => c.GetInstanceAsync(Instance, true, It.IsAny<CancellationToken>())).ReturnsAsync(instance);

    private void VerifyNothingStopped()
    {
        _client.Verify(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static bool TellsTerminated(object? result) =>
        result is TeardownDatasetResult { Outcome: WorkflowOutcome.Failed, Refusal: { } refusal } && refusal.Contains("wrong dataset", StringComparison.Ordinal);

    private static OrchestrationMetadata Teardown(OrchestrationRuntimeStatus status, string? customStatus, string? caller = null) =>
        new(nameof(TeardownDataset), Instance)
        {
            RuntimeStatus = status,
            SerializedCustomStatus = customStatus,
            SerializedInput = JsonDataConverter.Default.Serialize(new TeardownDatasetInput(DatasetId.Create("ds-1"), TeardownReason.Manual, true, TimeSpan.FromHours(24), caller)),
            DataConverter = JsonDataConverter.Default,
        };
}
