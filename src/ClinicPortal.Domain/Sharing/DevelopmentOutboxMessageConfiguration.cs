using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Sharing;

internal sealed class DevelopmentOutboxMessageConfiguration : IEntityTypeConfiguration<DevelopmentOutboxMessage>
{
    public void Configure(EntityTypeBuilder<DevelopmentOutboxMessage> builder)
    {
        builder.ToTable("DevelopmentOutbox");
        builder.Property(m => m.To).HasMaxLength(20);
    }
}
