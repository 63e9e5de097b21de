using System.Globalization;
using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Http;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Teardown;

/// <summary>
/// The <c>journey-events</c> queue (base64 JSON, as Azure Functions queues): <c>JourneyStageChanged</c> tears down the
/// stage left behind, <c>JourneyCompleted</c> tears down all of the journey's datasets, <c>DatasetProvisionRequested</c>
/// provisions. Every message updates the journey projection. Invalid messages go straight to the poison queue, having
/// changed nothing. Duplicates start nothing twice: each event maps to one orchestration instance id.
/// </summary>
public sealed class JourneyEventsFunction(JourneyProjectionStore journeys, IOptions<WorkflowOptions> options)
{
    /// <summary>The setting naming the queue (default <c>journey-events</c>).</summary>
    public const string QueueSetting = "DataOps:JourneyEventsQueue";

    /// <summary>Handles one journey event.</summary>
    [Function(nameof(JourneyEvents))]
    public async Task JourneyEvents(
        [QueueTrigger("%" + QueueSetting + "%")] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(message, new JsonDocumentOptions { MaxDepth = 32 });
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new MalformedMessageException($"not JSON: {ex.Message}");
        }

        var validation = new RequestValidation();
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedMessageException("the message must be a JSON object");
        }

        validation.TryString(body, "type", out var type);
        switch (type)
        {
            case "JourneyStageChanged":
                await StageChangedAsync(body, validation, client, cancellationToken);
                break;
            case "JourneyCompleted":
                await CompletedAsync(body, validation, client, cancellationToken);
                break;
            case "DatasetProvisionRequested":
                await ProvisionAsync(body, validation, client, cancellationToken);
                break;
            default:
                validation.Add("type", "must be JourneyStageChanged, JourneyCompleted or DatasetProvisionRequested");
                Reject(validation);
                break;
        }
    }

    private async Task StageChangedAsync(JsonElement body, RequestValidation validation, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (journeyId, clientId, occurredAt) = Common(body, validation);
        var from = StageField(body, "fromStage", validation);
        var to = StageField(body, "toStage", validation);
        if (from is not null && from == to)
        {
            validation.Add("toStage", "must differ from fromStage");
        }

        Reject(validation);
        await journeys.ApplyAsync(journeyId!, clientId!, to, completed: false, occurredAt, cancellationToken);
        var input = new JourneyTransitionInput(journeyId!, clientId!, from, to, false, occurredAt, options.Value.Teardown.GracePeriod);
        await StartOnceAsync(client, nameof(StageTransition), input, LifecycleWorkflows.StageChange(JourneyId.Create(journeyId), Parse(from), Parse(to), occurredAt), cancellationToken);
    }

    private async Task CompletedAsync(JsonElement body, RequestValidation validation, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (journeyId, clientId, occurredAt) = Common(body, validation);
        Reject(validation);
        await journeys.ApplyAsync(journeyId!, clientId!, null, completed: true, occurredAt, cancellationToken);
        var input = new JourneyTransitionInput(journeyId!, clientId!, null, null, true, occurredAt, options.Value.Teardown.GracePeriod);
        await StartOnceAsync(client, nameof(StageTransition), input, LifecycleWorkflows.JourneyCompleted(JourneyId.Create(journeyId)), cancellationToken);
    }

    private async Task ProvisionAsync(JsonElement body, RequestValidation validation, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var input = ProvisionRequestReader.Read(body, validation);
        var occurredAt = Time(body, validation, required: false);
        Reject(validation);
        await journeys.ApplyAsync(input!.JourneyId, input.ClientId, input.Stage, completed: false, occurredAt ?? DateTimeOffset.MinValue, cancellationToken);
        await StartOnceAsync(client, nameof(ProvisionJourneyDatasets), input, LifecycleWorkflows.Provision(JourneyId.Create(input.JourneyId), WireNames.Parse<Stage>(input.Stage)), cancellationToken);
    }

    // A redelivered or duplicated message finds its instance and starts nothing.
    private static Task<bool> StartOnceAsync(DurableTaskClient client, string orchestrator, object input, string instanceId, CancellationToken cancellationToken) =>
        LifecycleWorkflows.StartOnceAsync(client, orchestrator, input, instanceId, onlyIfNotRunning: false, cancellationToken);

    private static Stage? Parse(string? stage) => stage is null ? null : WireNames.Parse<Stage>(stage);

    private static (string? JourneyId, string? ClientId, DateTimeOffset OccurredAt) Common(JsonElement body, RequestValidation validation)
    {
        validation.TryString(body, "journeyId", out var journeyRaw);
        validation.Check<JourneyId>("journeyId", journeyRaw, JourneyId.TryCreate, out var journeyId);
        validation.TryString(body, "clientId", out var clientRaw);
        validation.Check<ClientId>("clientId", clientRaw, ClientId.TryCreate, out var clientId);
        var occurredAt = Time(body, validation, required: true) ?? default;
        return (validation.IsValid ? journeyId.Value : null, validation.IsValid ? clientId.Value : null, occurredAt);
    }

    private static string? StageField(JsonElement body, string field, RequestValidation validation)
    {
        if (!validation.TryString(body, field, out var raw))
        {
            return null;
        }

        if (WireNames.TryParse<Stage>(raw, out var stage))
        {
            return stage.Value.ToWireName();
        }

        validation.Add(field, $"is not one of: {string.Join(", ", WireNames.AllowedNames<Stage>())}");
        return null;
    }

    private static DateTimeOffset? Time(JsonElement body, RequestValidation validation, bool required)
    {
        if (!validation.TryString(body, "occurredAt", out var raw, required))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        validation.Add("occurredAt", "must be an ISO 8601 date and time");
        return null;
    }

    private static void Reject(RequestValidation validation)
    {
        if (!validation.IsValid)
        {
            throw new MalformedMessageException("invalid journey event: " + string.Join("; ", validation.Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
        }
    }
}
