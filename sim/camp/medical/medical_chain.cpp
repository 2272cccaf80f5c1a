// The module's interface (forwarding to the coordinator, chain_coordinator.hpp), its names, and the whole-list adapter.
#include "sim/camp/medical/medical_chain.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "sim/camp/medical/chain_coordinator.hpp"
#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

std::string_view patient_stage_name(PatientStage stage) {
  switch (stage) {
    case PatientStage::Field: return "field";
    case PatientStage::Pending: return "pending";
    case PatientStage::Assigned: return "assigned";
    case PatientStage::Transit: return "transit";
    case PatientStage::Hospital: return "hospital";
    case PatientStage::Gone: return "gone";
  }
  return "gone";
}

std::string_view hospital_resource_name(HospitalResource resource) {
  switch (resource) {
    case HospitalResource::ResuscitationBays: return "resuscitation_bays";
    case HospitalResource::OperatingTables: return "operating_tables";
    case HospitalResource::IcuBeds: return "icu_beds";
    case HospitalResource::WardBeds: return "ward_beds";
    case HospitalResource::Helicopters: return "helicopters";
  }
  return "ward_beds";
}

MedicalSites resolve_medical_sites(const MedicalParams& params, const CampLayout& layout) {
  MedicalSites s;
  s.hospital = road_node_named(layout, params.ambulances.hospital_node, "medical.ambulances.hospital_node");
  // The gate node is optional (needed only for an ambulance stationed at the main gate; the reader
  // requires it then); a name given is one the reader checked.
  if (!params.ambulances.gate_node.empty())
    s.gate = road_node_named(layout, params.ambulances.gate_node, "medical.ambulances.gate_node");
  for (const std::string& name : params.first_aid.responder_posts)
    s.responders.push_back(road_node_named(layout, name, "medical.first_aid.responder_posts"));
  if (s.responders.empty()) s.responders.push_back(s.hospital);
  return s;
}

MedicalChain::MedicalChain(const MedicalParams& params, const CampLayout& layout, const MedicalSites& sites,
                           const QrfParams& qrf, const MedicalRunConfig& config, engine::EventLog* log,
                           const ModuleContext& context)
    : core_(std::make_unique<ChainCoordinator>(params, layout, sites, qrf, config, log, context)) {}

MedicalChain::~MedicalChain() = default;
MedicalChain::MedicalChain(MedicalChain&&) noexcept = default;
MedicalChain& MedicalChain::operator=(MedicalChain&&) noexcept = default;

void MedicalChain::start(engine::EventQueue& queue) { core_->start(queue); }
void MedicalChain::on_casualty(const Casualty& casualty, const Incident* incident, engine::EventQueue& queue) {
  core_->on_casualty(casualty, incident, queue);
}
void MedicalChain::on_incident_contained(int incident, SimTime t, engine::EventQueue& queue) {
  core_->on_incident_contained(incident, t, queue);
}
std::optional<SimTime> MedicalChain::on_event(const engine::Event& event, engine::EventQueue& queue) {
  core_->on_event(event, queue);
  return std::nullopt;
}
void MedicalChain::drain(engine::EventQueue& queue, const OtherEvents& on_other) { core_->drain(queue, on_other); }
const MedicalOutcome& MedicalChain::outcome() { return core_->outcome(); }
void MedicalChain::lose_capacity(HospitalResource resource, int count, SimTime t, engine::EventQueue& queue) {
  core_->lose_capacity(resource, count, t, queue);
}
void MedicalChain::lose_beds(int icu, int ward, SimTime t, engine::EventQueue& queue) {
  if (icu > 0) core_->lose_capacity(HospitalResource::IcuBeds, icu, t, queue);
  if (ward > 0) core_->lose_capacity(HospitalResource::WardBeds, ward, t, queue);
}
void MedicalChain::lose_ambulance(AmbulanceId vehicle, SimTime t, engine::EventQueue& queue) {
  core_->lose_ambulance(vehicle, t, queue);
}
std::vector<VehicleView> MedicalChain::vehicles_at(SimTime t) const { return core_->vehicles_at(t); }
HospitalView MedicalChain::hospital_view(SimTime t) const { return core_->hospital_view(t); }
std::vector<PatientView> MedicalChain::patients() const { return core_->patients(); }
std::optional<PatientStage> MedicalChain::stage_of(CasualtyId casualty) const { return core_->stage_of(casualty); }
const PatientDraws* MedicalChain::draws_of(CasualtyId casualty) const { return core_->draws_of(casualty); }
const Ambulance& MedicalChain::ambulance(AmbulanceId id) const { return core_->ambulances().at(id.value); }
int MedicalChain::ambulance_count() const { return static_cast<int>(core_->ambulances().size()); }
bool MedicalChain::vehicles_moving() const {
  for (const Ambulance& v : core_->ambulances())
    if (v.state() == VehicleState::EnRoute || v.state() == VehicleState::Returning) return true;
  return false;
}

void run_world_with_medical_chain(MedicalChain& chain, engine::EventQueue& queue, SimTime end,
                                  const std::function<void(const engine::Event&)>& on_world) {
  while (!queue.empty() && queue.next_time() <= end) {
    const engine::Event e = queue.pop();
    if (is_medical(kind_of(e))) chain.on_event(e, queue);
    else on_world(e);
  }
  chain.drain(queue);
}

// The adapter plays a minimal world: each casualty is a ThreatArrival event at its time, each
// incident's containment a QrfContained event (its QRF's containment, or its start when no QRF
// came); the world's kinds come before the chain's at equal times, as in the camp's loop.
MedicalOutcome run_medical_chain(const MedicalParams& params, const CampLayout& layout, const QrfParams& qrf,
                                 const std::vector<Casualty>& casualties, const std::vector<Incident>& incidents,
                                 const MedicalRunConfig& config, engine::EventLog* log) {
  std::map<int, const Incident*> incident_by_id;
  for (const Incident& i : incidents) incident_by_id.emplace(i.id, &i);
  // Casualties in time order, ties in input order: the order they reach the chain.
  std::vector<std::size_t> order(casualties.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return casualties[a].time < casualties[b].time; });

  engine::EventQueue queue;
  MedicalChain chain(params, layout, resolve_medical_sites(params, layout), qrf, config, log);
  chain.start(queue);
  SimTime last = config.end;
  for (std::size_t k = 0; k < order.size(); ++k) {
    schedule(queue, casualties[order[k]].time, EventKind::ThreatArrival, k);
    last = std::max(last, casualties[order[k]].time);
  }
  for (std::size_t i = 0; i < incidents.size(); ++i) {
    schedule(queue, incidents[i].qrf ? incidents[i].qrf->contained : incidents[i].time, EventKind::QrfContained, i);
    last = std::max(last, incidents[i].qrf ? incidents[i].qrf->contained : incidents[i].time);
  }
  run_world_with_medical_chain(chain, queue, last, [&](const engine::Event& e) {
    if (kind_of(e) == EventKind::ThreatArrival) {
      const Casualty& c = casualties[order[e.subject]];
      const auto it = incident_by_id.find(c.incident);
      chain.on_casualty(c, it == incident_by_id.end() ? nullptr : it->second, queue);
    } else {
      chain.on_incident_contained(incidents[e.subject].id, e.time, queue);
    }
  });

  MedicalOutcome out = chain.outcome();
  // Records in the input's order (the chain keeps them in order of arrival).
  std::vector<CareRecord> by_input(casualties.size());
  for (std::size_t k = 0; k < order.size(); ++k) by_input[order[k]] = std::move(out.casualties[k]);
  out.casualties = std::move(by_input);
  return out;
}

}  // namespace campsim::camp
