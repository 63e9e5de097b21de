using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Provisions one dataset: template, registration (PROVISIONING), connector, population (sandbox: mock data, pilot:
/// sanitized export, production: none), validation (<see cref="ProvisioningSteps"/>). Any failure after registration is
/// compensated: the dataset goes FAILED with the error and gives up its slot (not its connector name: a FAILED dataset
/// is retried or torn down), then its Glean documents are removed.
/// </summary>
internal sealed class ProvisionDataset : TaskOrchestrator<ProvisionDatasetInput, ProvisionDatasetResult>
{
    /// <inheritdoc />
    public override async Task<ProvisionDatasetResult> RunAsync(TaskOrchestrationContext context, ProvisionDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var template = await context.CallActivityAsync<TemplateChoice>(nameof(SelectTemplate), input, WorkflowRetry.Transient);
        var registration = await context.CallActivityAsync<RegistrationResult>(nameof(RegisterDataset), new RegisterDatasetInput(input, template.TemplateId), WorkflowRetry.Transient);
        if (!registration.Registered)
        {
            return registration.HolderDatasetId is { } holder
                ? new ProvisionDatasetResult(holder, input.DatasetType, WorkflowOutcome.AlreadyActive, null, registration.Conflict)
                : new ProvisionDatasetResult(input.DatasetId, input.DatasetType, WorkflowOutcome.Refused, null, registration.Conflict);
        }

        return await ProvisioningSteps.RunAsync(context, input.DatasetId, input.DatasetType, input.Stage, ValidationTrigger.Provisioning, input.TakesSeat);
    }
}
