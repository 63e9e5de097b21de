using DataOps.Domain.Datasets;
using static DataOps.Tests.Domain.Builders;
using DatasetAggregate = DataOps.Domain.Datasets.Dataset;

namespace DataOps.Tests.Domain.Datasets;

/// <summary>Every operation from every status: the resulting status, or null when the operation must be refused.</summary>
public sealed class DatasetTransitionMatrixTests
{
    private static readonly DateTimeOffset Later = T0.AddDays(2);

    public static TheoryData<DatasetStatus, string, DatasetStatus?> Matrix() => new()
    {
        { DatasetStatus.Provisioning, "StartValidation", DatasetStatus.Validating },
        { DatasetStatus.Provisioning, "MarkReady", null },
        { DatasetStatus.Provisioning, "MarkFailed", DatasetStatus.Failed },
        { DatasetStatus.Provisioning, "RevertToValidating", null },
        { DatasetStatus.Provisioning, "RetryProvisioning", null },
        { DatasetStatus.Provisioning, "StartTeardown", null },
        { DatasetStatus.Provisioning, "Archive", null },
        { DatasetStatus.Provisioning, "RecordPopulation", DatasetStatus.Provisioning },

        { DatasetStatus.Validating, "StartValidation", DatasetStatus.Validating },
        { DatasetStatus.Validating, "MarkReady", DatasetStatus.Ready },
        { DatasetStatus.Validating, "MarkFailed", DatasetStatus.Failed },
        { DatasetStatus.Validating, "RevertToValidating", DatasetStatus.Validating },
        { DatasetStatus.Validating, "RetryProvisioning", null },
        { DatasetStatus.Validating, "StartTeardown", null },
        { DatasetStatus.Validating, "Archive", null },
        { DatasetStatus.Validating, "RecordPopulation", null },

        { DatasetStatus.Ready, "StartValidation", null },
        { DatasetStatus.Ready, "MarkReady", null },
        { DatasetStatus.Ready, "MarkFailed", null },
        { DatasetStatus.Ready, "RevertToValidating", DatasetStatus.Validating },
        { DatasetStatus.Ready, "RetryProvisioning", null },
        { DatasetStatus.Ready, "StartTeardown", DatasetStatus.Teardown },
        { DatasetStatus.Ready, "Archive", null },
        { DatasetStatus.Ready, "RecordPopulation", null },

        { DatasetStatus.Failed, "StartValidation", null },
        { DatasetStatus.Failed, "MarkReady", null },
        { DatasetStatus.Failed, "MarkFailed", null },
        { DatasetStatus.Failed, "RevertToValidating", null },
        { DatasetStatus.Failed, "RetryProvisioning", DatasetStatus.Provisioning },
        { DatasetStatus.Failed, "StartTeardown", DatasetStatus.Teardown },
        { DatasetStatus.Failed, "Archive", null },
        { DatasetStatus.Failed, "RecordPopulation", null },

        { DatasetStatus.Teardown, "StartValidation", null },
        { DatasetStatus.Teardown, "MarkReady", null },
        { DatasetStatus.Teardown, "MarkFailed", null },
        { DatasetStatus.Teardown, "RevertToValidating", null },
        { DatasetStatus.Teardown, "RetryProvisioning", null },
        { DatasetStatus.Teardown, "StartTeardown", DatasetStatus.Teardown },
        { DatasetStatus.Teardown, "Archive", DatasetStatus.Archived },
        { DatasetStatus.Teardown, "RecordPopulation", null },

        { DatasetStatus.Archived, "StartValidation", null },
        { DatasetStatus.Archived, "MarkReady", null },
        { DatasetStatus.Archived, "MarkFailed", null },
        { DatasetStatus.Archived, "RevertToValidating", null },
        { DatasetStatus.Archived, "RetryProvisioning", null },
        { DatasetStatus.Archived, "StartTeardown", null },
        { DatasetStatus.Archived, "Archive", null },
        { DatasetStatus.Archived, "RecordPopulation", null },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Operation_FromEachStatus_MovesOrThrows(DatasetStatus from, string operation, DatasetStatus? expected)
    {
        var dataset = Dataset().BuildIn(from);
        var before = dataset.ToSnapshot();

        if (expected is null)
        {
            var ex = Assert.Throws<InvalidDatasetTransitionException>(() => Apply(dataset, operation));
            Assert.Equal(from, ex.From);
            Assert.Equal(dataset.Id, ex.DatasetId);
            Assert.Contains(operation, ex.Operation, StringComparison.Ordinal);
            Assert.Contains(from.ToWireName(), ex.Message, StringComparison.Ordinal);
            Assert.Equal(before, dataset.ToSnapshot());
            Assert.Empty(dataset.DomainEvents);
        }
        else
        {
            Apply(dataset, operation);
            Assert.Equal(expected, dataset.Status);
        }
    }

    [Fact]
    public void Matrix_CoversEveryStatusAndOperation()
        => Assert.Equal(Enum.GetValues<DatasetStatus>().Length * 8, Matrix().Count);

    private static void Apply(DatasetAggregate dataset, string operation)
    {
        switch (operation)
        {
            case "StartValidation": dataset.StartValidation(Later); break;
            case "MarkReady": dataset.MarkReady(ReadyScore(Later), Later); break;
            case "MarkFailed": dataset.MarkFailed("validation failed", [QualityCheckType.Schema], Later); break;
            case "RevertToValidating": dataset.RevertToValidating("connector unhealthy", Later); break;
            case "RetryProvisioning": dataset.RetryProvisioning(Later); break;
            case "StartTeardown": dataset.StartTeardown(TeardownReason.Manual, Later); break;
            case "Archive": dataset.Archive("dataset-archives/x/", 10, Later); break;
            case "RecordPopulation": dataset.RecordPopulation(500, 2048, Later); break;
            default: throw new ArgumentOutOfRangeException(nameof(operation));
        }
    }
}
