use kerze::domain::ballot::Invitation;
#[test]
fn scratch() {
    let link = std::fs::read_to_string("/tmp/ballot1000.txt").unwrap();
    let frag = link.split('#').nth(1).unwrap();
    let t = std::time::Instant::now();
    let inv = Invitation::from_link(frag).unwrap();
    eprintln!(
        "from_link {:?} options {}",
        t.elapsed(),
        inv.scenario.options.len()
    );
    let t = std::time::Instant::now();
    let items = inv.items();
    let cells: Vec<_> = inv
        .scenario
        .options
        .iter()
        .flat_map(|o| {
            items
                .iter()
                .map(move |&item| kerze::domain::ballot::Cell { option: o.id, item })
        })
        .filter(|&c| inv.round.asks(&inv.scenario, c))
        .collect();
    eprintln!("cells {:?} {}", t.elapsed(), cells.len());
    let t = std::time::Instant::now();
    let _ = inv.checks();
    eprintln!("checks {:?}", t.elapsed());
}
