using ClinicPortal.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicPortal.Domain.Patients;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.Property(p => p.UserId).IsRequired();
        builder.Property(p => p.FirstName).HasMaxLength(PatientProfileService.MaxNameLength);
        builder.Property(p => p.LastName).HasMaxLength(PatientProfileService.MaxNameLength);
        builder.Property(p => p.EmergencyContactName).HasMaxLength(PatientProfileService.MaxNameLength);
        builder.Property(p => p.EmergencyContactRelationship).HasMaxLength(PatientProfileService.MaxRelationshipLength);
        builder.Property(p => p.EmergencyContactPhone).HasMaxLength(20);
        builder.Property(p => p.ConsentVersion).HasMaxLength(20);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.HasEmergencyContact);

        // One patient record per account, found by the account's id on every patient request.
        builder.HasIndex(p => p.UserId).IsUnique().HasDatabaseName("IX_Patients_UserId");
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<Patient>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(p => p.ConsentHistory).WithOne().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.EmergencyContactChanges).WithOne().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.EmergencyContactUndeliverableCode).HasMaxLength(20);
    }
}
