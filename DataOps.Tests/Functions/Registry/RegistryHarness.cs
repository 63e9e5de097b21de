using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Registry;
using DataOps.Tests.Domain;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DataOps.Tests.Functions.Registry;

/// <summary>A registry on its own tables and queue in the shared Azurite.</summary>
internal sealed class RegistryHarness
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public RegistryHarness(AzuriteFixture azurite, IDomainEventPublisher? publisher = null)
    {
        var prefix = AzuriteFixture.UniqueName("reg");
        Options = Microsoft.Extensions.Options.Options.Create(new RegistryOptions { TablePrefix = prefix, EventsQueueName = prefix + "-events" });
        TableService = new TableServiceClient(azurite.ConnectionString);
        QueueService = new QueueServiceClient(azurite.ConnectionString);
        Tables = new RegistryTables(TableService, QueueService, Options);
        Audit = new AuditLog(Tables, Options);
        Registry = new DatasetRegistry(Tables, publisher ?? Audit);
    }

    public IOptions<RegistryOptions> Options { get; }

    public TableServiceClient TableService { get; }

    public QueueServiceClient QueueService { get; }

    public RegistryTables Tables { get; }

    public AuditLog Audit { get; }

    public DatasetRegistry Registry { get; }

    public static Dataset NewDataset(string id, string client = "acme", Stage stage = Stage.Sandbox, DatasetType type = DatasetType.ConfluencePages, string journey = "j-1", string clientName = "ACME")
        => Dataset.Register(
            DatasetId.Create(id),
            ClientId.Create(client),
            ClientName.Create(clientName),
            JourneyId.Create(journey),
            stage,
            type,
            stage == Stage.Sandbox ? TemplateId.Create("generic.general." + type.ToWireName()) : null,
            T0);

    /// <summary>Registers <paramref name="dataset"/>, validates it and marks it READY at <paramref name="readyAt"/> (score 100), and saves it.</summary>
    public async Task<DatasetRecord> RegisterReadyAsync(Dataset dataset, DateTimeOffset readyAt, CancellationToken cancellationToken)
    {
        var record = await Registry.RegisterAsync(dataset, cancellationToken);
        record.Dataset.StartValidation(readyAt);
        record.Dataset.MarkReady(Builders.ReadyScore(readyAt), readyAt);
        return await Registry.SaveAsync(record, cancellationToken);
    }

    public async Task<List<string>> DrainEventsAsync()
    {
        var texts = new List<string>();
        while (true)
        {
            var batch = (await Tables.Events.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return texts;
            }

            foreach (var m in batch)
            {
                texts.Add(Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText)));
                await Tables.Events.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        }
    }

    public static async Task<int> CountRowsAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }
}
