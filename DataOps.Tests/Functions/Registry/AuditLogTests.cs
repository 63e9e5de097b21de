using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using DataOps.Functions.Registry;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Functions.Registry;

/// <summary>The audit log holds each event once, however often and from wherever it is raised.</summary>
public sealed class AuditLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = RegistryHarness.T0;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAsync_AnEventRaisedAgainAtAnotherTime_ByTwoHostsAtOnce_IsLoggedOnce()
    {
        var h = new RegistryHarness(azurite);
        var first = OutboxEvent.From(DatasetTemplateRegistered.Create("acme.care.confluence_pages", "1.0.0", "healthcare", "confluence_pages", "hash-1", T0));
        var again = OutboxEvent.From(DatasetTemplateRegistered.Create("acme.care.confluence_pages", "1.0.0", "healthcare", "confluence_pages", "hash-1", T0.AddSeconds(3)));

        await Task.WhenAll(h.Audit.PublishAsync([first], Ct), h.Audit.PublishAsync([again], Ct));
        await h.Audit.PublishAsync([again], Ct);

        var entry = Assert.Single(await h.Audit.ReadAsync(first.StreamId, Ct));
        Assert.Equal(first.EventId, entry.EventId);
    }

    [Fact]
    public async Task PublishAsync_ConnectorCreatedByARetriedStep_IsLoggedOnce()
    {
        var h = new RegistryHarness(azurite);
        var dataset = DatasetId.Create("ds-audit-1");

        await h.Audit.PublishAsync([OutboxEvent.From(ConnectorCreated.Create(dataset, "ACME-sandbox-jira", "acmesandboxjira", 1, T0))], Ct);
        await h.Audit.PublishAsync([OutboxEvent.From(ConnectorCreated.Create(dataset, "ACME-sandbox-jira", "acmesandboxjira", 1, T0.AddMinutes(1)))], Ct);
        await h.Audit.PublishAsync([OutboxEvent.From(ConnectorCreated.Create(dataset, "ACME-sandbox-jira", "acmesandboxjira", 2, T0.AddMinutes(2)))], Ct);

        Assert.Equal(2, (await h.Audit.ReadAsync(dataset.Value, Ct)).Count(e => e.EventType == nameof(ConnectorCreated)));
    }
}
