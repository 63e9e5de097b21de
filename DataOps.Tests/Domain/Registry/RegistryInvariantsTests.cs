using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Registry;

public sealed class RegistryInvariantsTests
{
    [Theory]
    [InlineData(DatasetStatus.Provisioning, false)]
    [InlineData(DatasetStatus.Validating, false)]
    [InlineData(DatasetStatus.Ready, false)]
    [InlineData(DatasetStatus.Teardown, false)]
    [InlineData(DatasetStatus.Archived, true)]
    public void CanActivate_ExistingInSameSlot_OnlyArchivedFreesIt(DatasetStatus existingStatus, bool expected)
    {
        var existing = Dataset().WithId("old").BuildIn(existingStatus);
        var candidate = Dataset().WithId("new").Build();

        var check = RegistryInvariants.CanActivate([existing], candidate);

        Assert.Equal(expected, check.Allowed);
        if (!expected)
        {
            Assert.Contains("already has an active confluence_pages dataset in sandbox: old", check.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("other-client", Stage.Sandbox, DatasetType.ConfluencePages)]
    [InlineData("client-1", Stage.Pilot, DatasetType.ConfluencePages)]
    [InlineData("client-1", Stage.Sandbox, DatasetType.JiraIssues)]
    public void CanActivate_DifferentSlot_Allowed(string clientId, Stage stage, DatasetType type)
    {
        var existing = Dataset().WithId("old").ForClient(clientId, clientId == "client-1" ? "ACME" : "Other").InStage(stage).OfType(type).BuildIn(DatasetStatus.Ready);
        var candidate = Dataset().WithId("new").Build();

        Assert.True(RegistryInvariants.CanActivate([existing], candidate).Allowed);
    }

    [Fact]
    public void CanActivate_FailedInSameSlot_SlotFreeButConnectorNameStillReserved()
    {
        // A failed dataset no longer occupies the active slot, but its connector may still exist in Glean:
        // the name stays reserved until the failed dataset is retried or torn down and archived.
        var failed = Dataset().WithId("old").BuildIn(DatasetStatus.Failed);

        var check = RegistryInvariants.CanActivate([failed], Dataset().WithId("new").Build());

        Assert.False(check.Allowed);
        Assert.Contains("connector name ACME-sandbox-confluence is already used by dataset old (failed)", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CanActivate_RetryOfFailedWhileAnotherActive_Refused()
    {
        var failed = Dataset().WithId("old").ForClient("client-1", "ACME").BuildIn(DatasetStatus.Failed);
        var other = Dataset().WithId("other").ForClient("client-1", "ACME Two").BuildIn(DatasetStatus.Ready);
        failed.RetryProvisioning(T0.AddDays(1));

        Assert.False(RegistryInvariants.CanActivate([failed, other], failed).Allowed);
    }

    [Fact]
    public void CanActivate_CandidateListedAmongExisting_IgnoresItself()
    {
        var candidate = Dataset().Build();

        Assert.True(RegistryInvariants.CanActivate([candidate], candidate).Allowed);
    }

    [Fact]
    public void CanActivate_ConnectorNameTakenByAnotherClientId_Refused()
    {
        // Two client ids sharing the client name "ACME" would collide on ACME-sandbox-confluence.
        var existing = Dataset().WithId("old").ForClient("client-a", "ACME").BuildIn(DatasetStatus.Failed);
        var candidate = Dataset().WithId("new").ForClient("client-b", "ACME").Build();

        var check = RegistryInvariants.CanActivate([existing], candidate);

        Assert.False(check.Allowed);
        Assert.Contains("connector name ACME-sandbox-confluence is already used by dataset old (failed)", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CanActivate_ConnectorNameDiffersOnlyInCase_Refused()
    {
        var existing = Dataset().WithId("old").ForClient("client-a", "acme").BuildIn(DatasetStatus.Ready);
        var candidate = Dataset().WithId("new").ForClient("client-b", "ACME").Build();

        Assert.False(RegistryInvariants.CanActivate([existing], candidate).Allowed);
    }

    [Fact]
    public void CanActivate_ConnectorOfArchivedDataset_NameReusable()
    {
        var existing = Dataset().WithId("old").ForClient("client-a", "ACME").BuildIn(DatasetStatus.Archived);
        var candidate = Dataset().WithId("new").ForClient("client-b", "ACME").Build();

        Assert.True(RegistryInvariants.CanActivate([existing], candidate).Allowed);
    }

    [Fact]
    public void EnsureCanActivate_Conflict_Throws()
    {
        var existing = Dataset().WithId("old").BuildIn(DatasetStatus.Ready);

        var ex = Assert.Throws<RegistryInvariantException>(() => RegistryInvariants.EnsureCanActivate([existing], Dataset().WithId("new").Build()));

        Assert.Contains("old", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCanActivate_NoConflict_DoesNotThrow()
        => RegistryInvariants.EnsureCanActivate([], Dataset().Build());

    [Fact]
    public void ActiveSlotKey_Parts_JoinedWithWireNames()
        => Assert.Equal("client-1|pilot|jira_issues", RegistryKeys.ActiveSlot(ClientId.Create("client-1"), Stage.Pilot, DatasetType.JiraIssues));

    [Fact]
    public void ConnectorNameKey_CaseFolded()
        => Assert.Equal(RegistryKeys.ConnectorName(ConnectorName.Create("acme-sandbox-jira")), RegistryKeys.ConnectorName(ConnectorName.Create("ACME-sandbox-jira")));

    [Fact]
    public void JourneyState_IsActiveIn_OnlyCurrentStageWhileRunning()
    {
        var running = new JourneyState(JourneyId.Create("j"), Stage.Pilot, false);

        Assert.True(running.IsActiveIn(Stage.Pilot));
        Assert.False(running.IsActiveIn(Stage.Sandbox));
        Assert.False((running with { Completed = true }).IsActiveIn(Stage.Pilot));
    }
}
