using DataOps.Domain.Events;
using DataOps.Functions.Registry;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Raises, audits and publishes <see cref="DatasetProvisionRequested"/> for an accepted request, before any of its
/// datasets is registered. Its id derives from the request (journey, stage, types, time), so a repeated run publishes
/// the same event.
/// </summary>
internal sealed class AnnounceProvisionRequest(IDomainEventPublisher events) : TaskActivity<ProvisionJourneyInput, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskActivityContext context, ProvisionJourneyInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var requested = DatasetProvisionRequested.Create(
            input.JourneyId, input.ClientId, input.Stage, input.DatasetTypes, input.RequestedBy, input.RequestedAt ?? throw new ArgumentException("The request has no time.", nameof(input)));
        await events.PublishAsync([OutboxEvent.From(requested)], CancellationToken.None).ConfigureAwait(false);
        return requested.EventId;
    }
}
