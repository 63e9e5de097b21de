using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Provisions one dataset: template, registration (PROVISIONING), connector, population (sandbox: mock data, pilot:
/// sanitized export, production: none), validation. Any failure after registration is compensated: the dataset goes
/// FAILED with the error, its Glean documents are removed and its uniqueness claims released.
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
            return new ProvisionDatasetResult(registration.HolderDatasetId ?? input.DatasetId, input.DatasetType, WorkflowOutcome.AlreadyActive, null, registration.Conflict);
        }

        try
        {
            context.SetCustomStatus(new { phase = "connector" });
            await context.CallActivityAsync(nameof(CreateConnector), input.DatasetId, WorkflowRetry.Transient);
            if (input.Stage != Stage.Production)
            {
                context.SetCustomStatus(new { phase = "populating" });
                await context.CallActivityAsync<PopulationSummary>(nameof(PopulateConnector), input.DatasetId, WorkflowRetry.Transient);
            }

            await context.CallActivityAsync(nameof(BeginValidation), input.DatasetId, WorkflowRetry.Transient);
            context.SetCustomStatus(new { phase = "validating" });
            var validation = await context.CallSubOrchestratorAsync<ValidationResult>(
                nameof(ValidateDataset),
                new ValidateDatasetInput(input.DatasetId),
                new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.ValidationOf(context.InstanceId) });
            if (validation.Outcome == WorkflowOutcome.Ready)
            {
                return new ProvisionDatasetResult(input.DatasetId, input.DatasetType, WorkflowOutcome.Ready, validation.Score, null);
            }

            await context.CallActivityAsync(nameof(FailProvisioning), new FailProvisioningInput(input.DatasetId, validation.Summary, validation.FailedChecks), WorkflowRetry.Transient);
            return new ProvisionDatasetResult(input.DatasetId, input.DatasetType, WorkflowOutcome.Failed, validation.Score, validation.Summary);
        }
        catch (TaskFailedException ex)
        {
            var error = $"{ex.TaskName} failed: {ex.FailureDetails.ErrorMessage}";
            await context.CallActivityAsync(nameof(FailProvisioning), new FailProvisioningInput(input.DatasetId, error, []), WorkflowRetry.Transient);
            return new ProvisionDatasetResult(input.DatasetId, input.DatasetType, WorkflowOutcome.Failed, null, error);
        }
    }
}
