using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using static DataOps.Tests.Domain.Builders;

namespace DataOps.Tests.Domain.Events;

public sealed class DomainEventTests
{
    private static readonly JourneyId Journey = JourneyId.Create("journey-7");
    private static readonly ClientId Client = ClientId.Create("client-7");

    [Fact]
    public void Derive_SameInputs_SameId()
        => Assert.Equal(DomainEventIds.Derive("ds-1", "DatasetReady", 3), DomainEventIds.Derive("ds-1", "DatasetReady", 3));

    [Theory]
    [InlineData("ds-2", "DatasetReady", 3)]
    [InlineData("ds-1", "DatasetArchived", 3)]
    [InlineData("ds-1", "DatasetReady", 4)]
    public void Derive_AnyInputDiffers_IdDiffers(string stream, string type, long sequence)
        => Assert.NotEqual(DomainEventIds.Derive("ds-1", "DatasetReady", 3), DomainEventIds.Derive(stream, type, sequence));

    [Fact]
    public void Derive_Id_IsVersion5VariantRfcUuid()
    {
        var id = DomainEventIds.Derive("ds-1", "DatasetReady", 0);

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
    }

    [Fact]
    public void Derive_Id_IsStableAcrossReleases()
        => Assert.Equal(DomainEventIds.FromName("ds-1\nDatasetReady\n0"), DomainEventIds.Derive("ds-1", "DatasetReady", 0));

    [Fact]
    public void Derive_BadArguments_Throw()
    {
        Assert.ThrowsAny<ArgumentException>(() => DomainEventIds.Derive("", "x", 0));
        Assert.ThrowsAny<ArgumentException>(() => DomainEventIds.Derive("s", "", 0));
        Assert.ThrowsAny<ArgumentException>(() => DomainEventIds.Derive("s", "x", -1));
    }

    [Fact]
    public void ProvisionRequestedCreate_ValidRequest_CarriesSeedFields()
    {
        var e = DatasetProvisionRequested.Create(Journey, Client, Stage.Sandbox, [DatasetType.ConfluencePages, DatasetType.GithubRepos], "se@example.com", T0);

        Assert.Equal(Journey, e.JourneyId);
        Assert.Equal(Client, e.ClientId);
        Assert.Equal(Stage.Sandbox, e.Stage);
        Assert.Equal([DatasetType.ConfluencePages, DatasetType.GithubRepos], e.DatasetTypes);
        Assert.Equal("se@example.com", e.RequestedBy);
        Assert.Equal(T0, e.OccurredAt);
        Assert.Equal("DatasetProvisionRequested", e.EventType);
    }

    [Fact]
    public void ProvisionRequestedCreate_SameRequestTwice_SameEventId()
    {
        var a = DatasetProvisionRequested.Create(Journey, Client, Stage.Pilot, [DatasetType.JiraIssues], "ops", T0);
        var b = DatasetProvisionRequested.Create(Journey, Client, Stage.Pilot, [DatasetType.JiraIssues], "ops", T0);
        var later = DatasetProvisionRequested.Create(Journey, Client, Stage.Pilot, [DatasetType.JiraIssues], "ops", T0.AddSeconds(1));

        Assert.Equal(a.EventId, b.EventId);
        Assert.NotEqual(a.EventId, later.EventId);
    }

    [Fact]
    public void ProvisionRequestedCreate_NoTypes_ThrowsNamingDatasetTypes()
        => Assert.Equal("datasetTypes", Assert.Throws<DomainValidationException>(() => DatasetProvisionRequested.Create(Journey, Client, Stage.Sandbox, [], "ops", T0)).Field);

    [Fact]
    public void ProvisionRequestedCreate_DuplicateTypes_Throws()
    {
        var ex = Assert.Throws<DomainValidationException>(() => DatasetProvisionRequested.Create(Journey, Client, Stage.Sandbox, [DatasetType.SlackMessages, DatasetType.SlackMessages], "ops", T0));

        Assert.Contains("duplicates", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ProvisionRequestedCreate_UnknownType_Throws()
        => Assert.Throws<DomainValidationException>(() => DatasetProvisionRequested.Create(Journey, Client, Stage.Sandbox, [(DatasetType)12], "ops", T0));

    [Theory]
    [InlineData("")]
    [InlineData("ops\nadmin")]
    public void ProvisionRequestedCreate_BadActor_ThrowsNamingRequestedBy(string actor)
        => Assert.Equal("requestedBy", Assert.Throws<DomainValidationException>(() => DatasetProvisionRequested.Create(Journey, Client, Stage.Sandbox, [DatasetType.Custom], actor, T0)).Field);

    [Fact]
    public void ValidationFailedEquality_SameChecksInDifferentLists_Equal()
    {
        var a = new DatasetValidationFailed("e", T0, DatasetId.Create("d"), Journey, [QualityCheckType.Schema], "x");
        var b = new DatasetValidationFailed("e", T0, DatasetId.Create("d"), Journey, new List<QualityCheckType> { QualityCheckType.Schema }, "x");

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { FailedChecks = [] });
    }

    [Fact]
    public void EventType_EveryDatasetEvent_IsItsRecordName()
    {
        IDomainEvent[] events =
        [
            new DatasetReady("e", T0, DatasetId.Create("d"), Journey, 99),
            new DatasetArchived("e", T0, DatasetId.Create("d"), Journey, "loc", 1),
            new DatasetTeardownStarted("e", T0, DatasetId.Create("d"), Journey, TeardownReason.Manual),
            new DatasetValidationFailed("e", T0, DatasetId.Create("d"), Journey, [], "x"),
        ];

        Assert.Equal(["DatasetReady", "DatasetArchived", "DatasetTeardownStarted", "DatasetValidationFailed"], events.Select(e => e.EventType));
    }
}
