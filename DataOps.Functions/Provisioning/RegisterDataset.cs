using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Registers the dataset in PROVISIONING, claiming its client/stage/type slot and connector name. Runs at least once:
/// registering the same dataset id again is a no-op, and a slot held by another dataset is reported, not thrown;
/// a connector name another client's dataset holds is reported without naming that dataset; a client already at its
/// limit of datasets (<c>DataOps:Provisioning:MaxDatasetsPerClient</c>) is refused (the HTTP route refuses such a request
/// before it starts; journey events reach this check only here).
/// </summary>
internal sealed class RegisterDataset(IDatasetRegistry registry, IOptions<WorkflowOptions> options, TimeProvider time) : TaskActivity<RegisterDatasetInput, RegistrationResult>
{
    /// <inheritdoc />
    public override async Task<RegistrationResult> RunAsync(TaskActivityContext context, RegisterDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var d = input.Dataset;
        var dataset = Dataset.Register(
            d.DatasetId,
            d.ClientId,
            d.ClientName,
            d.JourneyId,
            d.Stage,
            d.DatasetType,
            input.TemplateId,
            time.GetUtcNow());
        var limit = options.Value.Provisioning.MaxDatasetsPerClient;
        if (await registry.GetAsync(d.DatasetId, CancellationToken.None).ConfigureAwait(false) is null
            && await ProvisionDatasetsHandler.CountLiveDatasetsAsync(registry, d.ClientId, CancellationToken.None).ConfigureAwait(false) is var existing
            && existing >= limit)
        {
            return new RegistrationResult(false, d.DatasetId, null, new ClientDatasetLimit(limit, existing, 1).Describe(d.ClientId.Value));
        }

        try
        {
            await registry.RegisterAsync(dataset, CancellationToken.None).ConfigureAwait(false);
            return new RegistrationResult(true, d.DatasetId, null, null);
        }
        catch (DatasetClaimConflictException ex)
        {
            var holder = DatasetId.Create(ex.HolderDatasetId);
            var held = await registry.GetAsync(holder, CancellationToken.None).ConfigureAwait(false);
            if (held is not null && held.Dataset.ClientId != d.ClientId)
            {
                // Another client's dataset holds the connector name: not this client's to name or to wait for.
                return new RegistrationResult(false, d.DatasetId, null, ConnectorNameClash.Describe(d.ClientId, [dataset.ConnectorName.Value]));
            }

            var hint = held?.Dataset.Status == DatasetStatus.Failed
                ? $" It is failed: retry it with POST /api/datasets/{holder}/retry, or tear it down, first."
                : string.Empty;
            return new RegistrationResult(false, d.DatasetId, holder, ex.Message + hint);
        }
    }
}
