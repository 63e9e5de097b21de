using DataOps.Domain.Datasets;
using DataOps.Functions.Http;
using DataOps.Functions.Registry;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations;

/// <summary>
/// The operator's view of the running product: teardowns in their grace period (and terminating one), the last runs of
/// the scheduled scans, and the dataset totals and provisioning times behind the dashboard's charts.
/// </summary>
public sealed partial class OperationsFunctions(IDatasetRegistry registry, IConfiguration configuration, ILogger<OperationsFunctions> logger)
{
    /// <summary>The longest termination reason accepted.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>How many provisioning times the summary lists (the most recent).</summary>
    public const int ProvisioningSampleSize = 100;

    private static readonly OrchestrationRuntimeStatus[] Unfinished =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>
    /// <c>GET /api/teardowns</c>: every teardown still running, with its phase and, in the grace period, when the
    /// connector will be deleted.
    /// </summary>
    [Function(nameof(ListTeardowns))]
    public async Task<IResult> ListTeardowns(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "teardowns")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = LifecycleWorkflows.TeardownsPrefix,
            Statuses = Unfinished,
            FetchInputsAndOutputs = true,
            PageSize = 100,
        };
        var items = new List<object>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            var datasetId = LifecycleWorkflows.TeardownDatasetOf(instance.InstanceId)!;
            var progress = TeardownProgress.Read(instance.SerializedCustomStatus);
            DatasetRecord? record = null;
            if (DatasetId.TryCreate(datasetId, out var id, out _))
            {
                record = await registry.GetAsync(id, cancellationToken);
            }

            var dataset = record?.Dataset.ToSnapshot();
            items.Add(new
            {
                datasetId,
                instance.InstanceId,
                runtimeStatus = instance.RuntimeStatus.ToString(),
                progress.Phase,
                progress.DeleteAt,
                canTerminate = progress.CanStop,
                instance.CreatedAt,
                dataset = dataset is null ? null : new
                {
                    clientId = dataset.ClientId.Value,
                    journeyId = dataset.JourneyId.Value,
                    stage = dataset.Stage.ToWireName(),
                    datasetType = dataset.Type.ToWireName(),
                    status = dataset.Status.ToWireName(),
                },
            });
        }

        return Results.Ok(new { items });
    }

    /// <summary>
    /// <c>POST /api/teardowns/{id}/terminate</c> with <c>{reason}</c>: terminates the dataset's running teardown where it
    /// stands (202). The dataset is left as the teardown left it: archived and disconnected, not deleted. The workflow
    /// that started the teardown is told at once that it was terminated. 404 when the dataset never had a teardown,
    /// 409 when its teardown has finished or is past its grace period (deleting the connector).
    /// </summary>
    [Function(nameof(TerminateTeardown))]
    public async Task<IResult> TerminateTeardown(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "teardowns/{id}/terminate")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var validation = new RequestValidation();
        if (!DatasetId.TryCreate(id, out _, out var idError))
        {
            validation.Add("id", idError);
        }

        var (body, bodyError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        string? reason = null;
        if (validation.RequireObject(body) && validation.TryString(body, "reason", out var raw))
        {
            reason = raw.Trim();
            if (reason.Length == 0)
            {
                validation.Add("reason", "must not be empty or only white space");
            }
            else if (reason.Length > MaxReasonLength)
            {
                validation.Add("reason", $"must be at most {MaxReasonLength} characters long (was {reason.Length})");
            }
        }

        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors, title: "The termination request is invalid.");
        }

        var instanceId = LifecycleWorkflows.Teardown(DatasetId.Create(id));
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return Results.Problem(title: "Teardown not found.", detail: $"Dataset '{id}' has no teardown.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!Unfinished.Contains(instance.RuntimeStatus))
        {
            return Results.Problem(
                title: "The teardown cannot be terminated.",
                detail: $"The teardown of dataset '{id}' is {instance.RuntimeStatus.ToString().ToLowerInvariant()}; only a running teardown can be terminated.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var progress = TeardownProgress.Read(instance.SerializedCustomStatus);
        if (!progress.CanStop)
        {
            return Results.Problem(
                title: "The teardown cannot be terminated.",
                detail: $"The teardown of dataset '{id}' is past its grace period and {progress.Phase}; stopping it now would leave the connector half deleted.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var message = $"terminated by an operator: {reason}";
        await client.TerminateInstanceAsync(instanceId, message, cancellationToken);
        await LifecycleWorkflows.TellTerminatedTeardownCallerAsync(client, instance.ReadInputAs<TeardownDatasetInput>(), message, cancellationToken);

        LogTerminated(logger, id, instanceId);
        return Results.Accepted(value: new { datasetId = id, instanceId, runtimeStatus = "Terminating" });
    }

    /// <summary><c>GET /api/operations/scans</c>: the schedule and last run of the orphan scan and the connector-health sweep.</summary>
    [Function(nameof(GetScanStatus))]
    public async Task<IResult> GetScanStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "operations/scans")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        OrchestrationMetadata? lastOrphanScan = null;
        var query = new OrchestrationQuery { InstanceIdPrefix = LifecycleWorkflows.OrphanScanPrefix, FetchInputsAndOutputs = true, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (lastOrphanScan is null || instance.CreatedAt > lastOrphanScan.CreatedAt)
            {
                lastOrphanScan = instance;
            }
        }

        var lastSweep = await client.GetInstanceAsync(LifecycleWorkflows.HealthSweep, getInputsAndOutputs: true, cancellationToken);
        return Results.Ok(new
        {
            orphanScan = new { schedule = configuration["DataOps:OrphanScan:Schedule"], lastRun = LastRun(lastOrphanScan) },
            healthSweep = new { schedule = configuration["DataOps:HealthSweep:Schedule"], lastRun = LastRun(lastSweep) },
        });
    }

    /// <summary>
    /// <c>GET /api/operations/summary</c>: datasets by status, and how long provisioning took (median, 95th percentile
    /// and the most recent <see cref="ProvisioningSampleSize"/>), read over the whole registry.
    /// </summary>
    [Function(nameof(GetOperationsSummary))]
    public async Task<IResult> GetOperationsSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "operations/summary")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var byStatus = Enum.GetValues<DatasetStatus>().ToDictionary(s => s.ToWireName(), _ => 0, StringComparer.Ordinal);
        var provisioning = new List<(DatasetSnapshot Dataset, double Seconds)>();
        string? token = null;
        var total = 0;
        do
        {
            var page = await registry.ListAsync(new DatasetQuery { PageSize = DatasetQuery.MaxPageSize, ContinuationToken = token }, cancellationToken);
            foreach (var dataset in page.Items)
            {
                total++;
                byStatus[dataset.Status.ToWireName()]++;
                if (dataset.ProvisioningDuration is { } duration)
                {
                    provisioning.Add((dataset, duration.TotalSeconds));
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        var seconds = provisioning.Select(p => p.Seconds).Order().ToArray();
        return Results.Ok(new
        {
            total,
            datasetsByStatus = byStatus,
            provisioning = provisioning
                .OrderByDescending(p => p.Dataset.ProvisionCompletedAt)
                .Take(ProvisioningSampleSize)
                .Select(p => new
                {
                    datasetId = p.Dataset.Id.Value,
                    datasetType = p.Dataset.Type.ToWireName(),
                    stage = p.Dataset.Stage.ToWireName(),
                    readyAt = p.Dataset.ProvisionCompletedAt,
                    seconds = Math.Round(p.Seconds, 1),
                }),
            provisioningSeconds = new
            {
                count = seconds.Length,
                median = Percentile(seconds, 0.5),
                p95 = Percentile(seconds, 0.95),
            },
        });
    }

    /// <summary>The nearest-rank percentile of sorted values; null when there are none.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }

    private static object? LastRun(OrchestrationMetadata? instance) => instance is null ? null : new
    {
        instance.InstanceId,
        runtimeStatus = instance.RuntimeStatus.ToString(),
        instance.CreatedAt,
        instance.LastUpdatedAt,
        output = InstanceViews.ParseJson(instance.SerializedOutput),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The teardown of dataset {DatasetId} ({InstanceId}) was terminated by an operator")]
    private static partial void LogTerminated(ILogger logger, string datasetId, string instanceId);
}
